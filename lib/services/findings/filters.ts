import { z } from "zod";

const csv = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === "string" && v ? v.split(",") : v === "" ? undefined : v), z.array(item).max(50).optional());

/** Findings explorer filters, as they appear in the page URL and the API query string. */
export const ZFindingFilters = z.object({
  cluster: csv(z.string().min(1).max(64)),
  namespace: csv(z.string().max(253)),
  severity: csv(z.enum(["critical", "high", "medium", "low", "info"])),
  theme: csv(z.string().max(40)),
  rule: csv(z.string().max(80)),
  status: csv(z.enum(["new", "open", "resolved", "regressed"])),
  kind: csv(z.string().max(80)),
  q: z.string().trim().max(200).optional(),
  firstSeenAfter: z.iso.datetime().optional(),
  suppressed: z.enum(["hide", "only", "include"]).default("hide"),
  sort: z.enum(["severity", "firstSeen", "lastSeen", "rule", "resource"]).default("severity"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  groupBy: z.enum(["none", "rule", "resource"]).default("none"),
});
export type TFindingFilters = z.infer<typeof ZFindingFilters>;
