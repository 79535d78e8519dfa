import { CONTROL_STATUSES } from "../../compliance/types";
import type { ReportDocument } from "../document";
import { CONTENT_WIDTH, ensureSpace, heading, LEFT, paragraph, plain, STATUS_COLORS } from "./layout";

const TOP_FAILING = 10;

export const renderSummary = (doc: PDFKit.PDFDocument, report: ReportDocument) => {
  doc.addPage();
  heading(doc, "Executive summary");
  paragraph(doc, `Score: ${report.score.toFixed(1)} / 100. ${report.summary.controls} controls; ${report.summary.failingResources} failing resource entries (one per resource and rule).`, 10);
  doc.moveDown(0.5);
  for (const status of CONTROL_STATUSES) {
    const y = doc.y;
    doc.font("Helvetica-Bold").fontSize(10).fillColor(STATUS_COLORS[status]).text(status, LEFT, y, { width: 120, lineBreak: false });
    doc.font("Helvetica").fillColor("#000").text(String(report.summary[status]), LEFT + 130, y, { width: 60 });
  }
  doc.moveDown(1);
  const failing = report.controls.filter((c) => c.status === "fail").sort((a, b) => b.failing.length - a.failing.length || a.id.localeCompare(b.id, "en", { numeric: true }));
  heading(doc, "Top failing controls", 12);
  if (!failing.length) paragraph(doc, "No control fails.");
  for (const c of failing.slice(0, TOP_FAILING)) {
    ensureSpace(doc, 14);
    doc.x = LEFT;
    doc.font("Helvetica").fontSize(9).fillColor("#000").text(plain(`${c.id}  ${c.title}  (${c.failing.length} failing)`), { width: CONTENT_WIDTH });
  }
  if (failing.length > TOP_FAILING) paragraph(doc, `... and ${failing.length - TOP_FAILING} more failing controls (see the control table).`);
  if (report.namespaces?.length) {
    doc.moveDown(1);
    heading(doc, "Pod Security Standard met by each namespace", 12);
    for (const ns of report.namespaces) {
      ensureSpace(doc, 12);
      doc.x = LEFT;
      const where = ns.cluster ? `${ns.cluster}/${ns.namespace}` : ns.namespace;
      doc.font("Helvetica").fontSize(8).fillColor("#000").text(plain(`${where}: ${ns.level}${ns.failingControls.length ? ` (fails ${ns.failingControls.join(", ")})` : ""}`), { width: CONTENT_WIDTH });
    }
  }
};
