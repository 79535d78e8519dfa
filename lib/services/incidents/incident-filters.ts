import "server-only";
import { z } from "zod";

const csv = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === "string" && v ? v.split(",") : v === "" ? undefined : v), z.array(item).max(50).optional());

export const INCIDENT_STATUS = ["open", "investigating", "closed_true_positive", "closed_false_positive"] as const;

/** Incident list filters, as they appear in the page URL and the API query string. */
export const ZIncidentFilters = z.object({
  status: csv(z.enum(INCIDENT_STATUS)),
  severity: csv(z.enum(["critical", "high", "medium", "low", "info"])),
  cluster: csv(z.string().min(1).max(64)),
  principal: z.string().trim().max(512).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TIncidentFiltersInput = z.input<typeof ZIncidentFilters>;

export const ZUpdateIncident = z
  .object({
    status: z.enum(INCIDENT_STATUS).optional(),
    assigneeId: z.string().min(1).max(64).nullable().optional(),
    closeReason: z.string().trim().max(1000).optional(),
    /** Only with status closed_false_positive: stop alerting on this principal for the incident's detections. */
    allowList: z.object({ scope: z.enum(["cluster", "org"]) }).optional(),
  })
  .refine((u) => !u.allowList || u.status === "closed_false_positive", { path: ["allowList"], message: "only when closing as a false positive" })
  .refine((u) => u.status !== undefined || u.assigneeId !== undefined || u.closeReason !== undefined, { message: "nothing to update" });
export type TUpdateIncidentInput = z.input<typeof ZUpdateIncident>;
