import type { ReportControl, ReportDocument } from "../document";
import { BOTTOM, CONTENT_WIDTH, ensureSpace, heading, LEFT, plain, TOP } from "./layout";
import { fit, writeRows, type RawCell } from "./raw-text";

const ROW = 9;
const SIZE = 7;

type Column = { key: "cluster" | "namespace" | "kind" | "name" | "ruleId"; label: string; x: number; width: number };

const columnsFor = (withCluster: boolean): Column[] => {
  const widths: Array<[Column["key"], string, number]> = withCluster
    ? [["cluster", "Cluster", 75], ["namespace", "Namespace", 95], ["kind", "Kind", 80], ["name", "Name", 205], ["ruleId", "Rule", 60]]
    : [["namespace", "Namespace", 120], ["kind", "Kind", 90], ["name", "Name", 245], ["ruleId", "Rule", 60]];
  let x = LEFT;
  return widths.map(([key, label, width]) => {
    const col = { key, label, x, width };
    x += width;
    return col;
  });
};

const headerRow = (cols: Column[]): RawCell[] => cols.map((c) => ({ text: c.label, x: c.x }));

/** Rows are buffered per page and written in one raw block: the listing is most of the document. */
const renderResources = (doc: PDFKit.PDFDocument, control: ReportControl, cols: Column[]) => {
  let y = doc.y;
  let rows: RawCell[][] = [];
  let top = y;
  const flush = () => {
    if (!rows.length) return;
    doc.font("Helvetica").fontSize(SIZE).fillColor("#000");
    writeRows(doc, rows, top, ROW);
    rows = [];
  };
  const startBlock = () => {
    doc.font("Helvetica-Bold").fontSize(SIZE).fillColor("#000");
    writeRows(doc, [headerRow(cols)], y, ROW);
    y += ROW + 2;
    top = y;
  };
  startBlock();
  for (const f of control.failing) {
    if (y + ROW > BOTTOM) {
      flush();
      doc.addPage();
      y = TOP;
      startBlock();
    }
    rows.push(cols.map((c) => ({ text: fit(f[c.key] ?? "", c.width - 4, SIZE), x: c.x })));
    y += ROW;
  }
  flush();
  doc.x = LEFT;
  doc.y = y + 6;
};

export const renderFailing = (doc: PDFKit.PDFDocument, report: ReportDocument) => {
  const failing = report.controls.filter((c) => c.failing.length);
  if (!failing.length) return;
  doc.addPage();
  heading(doc, "Failing resources by control");
  const cols = columnsFor(failing.some((c) => c.failing.some((f) => f.cluster)));
  for (const c of failing) {
    ensureSpace(doc, 60);
    doc.x = LEFT;
    doc.font("Helvetica-Bold").fontSize(10).fillColor("#000").text(plain(`${c.id}  ${c.title}`), { width: CONTENT_WIDTH });
    doc.font("Helvetica").fontSize(8).fillColor("#57606a").text(`${c.failing.length} failing resource entries; rules: ${c.rules.join(", ")}`, { width: CONTENT_WIDTH });
    for (const r of c.remediation ?? []) {
      ensureSpace(doc, 24);
      doc.x = LEFT;
      doc.font("Helvetica-Bold").fontSize(8).fillColor("#000").text(plain(`Fix ${r.ruleId} (${r.title}, ${r.severity}): `), { width: CONTENT_WIDTH, continued: true });
      doc.font("Helvetica").text(plain(r.text));
    }
    doc.moveDown(0.3);
    ensureSpace(doc, 3 * ROW);
    renderResources(doc, c, cols);
  }
};
