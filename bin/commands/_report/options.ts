import { findFramework, frameworkNames } from "../../../lib/compliance/frameworks";
import type { Framework } from "../../../lib/compliance/types";
import { UsageError } from "../_scan/options";

export const REPORT_FORMATS = ["json", "csv", "pdf", "policyreport"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type ReportFlags = { framework?: string; format: string; out?: string; cluster?: string; kubeconfig?: string; now?: string; verbose?: boolean };

export const parseReportFormat = (v: string): ReportFormat => {
  if ((REPORT_FORMATS as readonly string[]).includes(v)) return v as ReportFormat;
  throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(", ")} (got '${v}')`);
};

export const parseFramework = (v: string | undefined, format: ReportFormat): Framework | undefined => {
  if (!v) {
    if (format === "policyreport") return undefined;
    throw new UsageError(`--framework is required: one of ${frameworkNames().join(", ")}`);
  }
  const framework = findFramework(v);
  if (!framework) throw new UsageError(`unknown --framework '${v}': use one of ${frameworkNames().join(", ")}`);
  return framework;
};
