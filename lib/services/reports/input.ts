import "server-only";
import { z } from "zod";
import { ZFrameworkKey, ZScope } from "../posture/scope";

const ids = (item: z.ZodString) => z.array(item).max(50).optional();

/** The findings explorer's filters that make sense for an export (no paging, no sort). */
export const ZFindingsExportFilters = z.object({
  cluster: ids(z.string().min(1).max(64)),
  namespace: ids(z.string().max(253)),
  severity: z.array(z.enum(["critical", "high", "medium", "low", "info"])).max(5).optional(),
  status: z.array(z.enum(["new", "open", "resolved", "regressed"])).max(4).optional(),
  rule: ids(z.string().max(80)),
  kind: ids(z.string().max(80)),
  suppressed: z.enum(["hide", "only", "include"]).default("hide"),
});

export const ZComplianceReportInput = z.object({ kind: z.literal("compliance"), framework: ZFrameworkKey, format: z.enum(["pdf", "csv", "json"]), scope: ZScope.default({}) });
export const ZFindingsReportInput = z.object({ kind: z.literal("findings"), format: z.enum(["csv", "json", "sarif"]), filters: ZFindingsExportFilters.default({ suppressed: "hide" }) });

/** A compliance report when `kind` is left out. */
export const ZRequestReport = z.preprocess(
  (v) => (v && typeof v === "object" && !("kind" in v) ? { ...v, kind: "compliance" } : v),
  z.discriminatedUnion("kind", [ZComplianceReportInput, ZFindingsReportInput]),
);
export type TRequestReport = z.infer<typeof ZRequestReport>;

export const ZCreateSchedule = z.object({ framework: ZFrameworkKey, format: z.enum(["pdf", "csv", "json"]), scope: ZScope.default({}), cadence: z.enum(["weekly", "monthly"]) });

export const CONTENT_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  json: "application/json",
  sarif: "application/sarif+json",
};
