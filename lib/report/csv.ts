import type { ReportDocument } from "./document";

/** One row per control and failing resource, and one row for a control with no failing resource (resource columns empty). */
export const CSV_COLUMNS = [
  "framework",
  "control_id",
  "control_title",
  "section",
  "status",
  "rules",
  "cluster",
  "api_version",
  "kind",
  "namespace",
  "name",
  "rule_id",
  "message",
  "reason",
] as const;

/** RFC 4180: quote fields holding a comma, a quote, CR or LF; double the quotes inside. */
export const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

const line = (values: readonly string[]) => `${values.map(csvField).join(",")}\r\n`;

/** Yields the CSV line by line, so that a large report never exists as one string twice. */
export function* csvLines(doc: ReportDocument): Generator<string> {
  yield line(CSV_COLUMNS);
  for (const c of doc.controls) {
    const head = [doc.framework.id, c.id, c.title, c.section, c.status, c.rules.join(";")];
    if (!c.failing.length) {
      yield line([...head, "", "", "", "", "", "", "", c.reason]);
      continue;
    }
    for (const f of c.failing) yield line([...head, f.cluster ?? "", f.apiVersion, f.kind, f.namespace, f.name, f.ruleId, f.message ?? "", c.reason]);
  }
}

export const renderCsv = (doc: ReportDocument): string => [...csvLines(doc)].join("");
