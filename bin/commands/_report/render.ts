import { stringify } from "yaml";
import { toPolicyReports } from "../../../lib/compliance/policy-report";
import { renderCsv } from "../../../lib/report/csv";
import type { ReportDocument } from "../../../lib/report/document";
import { renderJson } from "../../../lib/report/json";
import { renderPdf } from "../../../lib/report/pdf";
import type { Finding } from "../../../lib/scanner/types";
import type { ReportFormat } from "./options";

export type Rendered = { body: string | Buffer; pages?: number };

export const renderReport = async (format: Exclude<ReportFormat, "policyreport">, doc: ReportDocument): Promise<Rendered> => {
  if (format === "json") return { body: renderJson(doc) };
  if (format === "csv") return { body: renderCsv(doc) };
  const { pdf, pages } = await renderPdf(doc);
  return { body: pdf, pages };
};

/** YAML documents ready for kubectl apply; a .json output gets a v1 List instead. */
export const renderPolicyReports = (findings: readonly Finding[], now: Date, out: string | undefined): Rendered => {
  const reports = toPolicyReports(findings, now);
  if (out?.endsWith(".json")) return { body: `${JSON.stringify({ apiVersion: "v1", kind: "List", items: reports }, null, 2)}\n` };
  return { body: reports.map((r) => `---\n${stringify(r, { lineWidth: 0 })}`).join("") || "---\n" };
};
