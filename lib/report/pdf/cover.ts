import type { ReportDocument } from "../document";
import { CONTENT_WIDTH, LEFT, paragraph, plain } from "./layout";

export const renderCover = (doc: PDFKit.PDFDocument, report: ReportDocument) => {
  doc.y = 180;
  doc.font("Helvetica").fontSize(12).fillColor("#57606a").text("Tower compliance report", LEFT, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.5);
  doc.font("Helvetica-Bold").fontSize(26).fillColor("#000").text(plain(report.framework.name), { width: CONTENT_WIDTH });
  doc.font("Helvetica").fontSize(13).text(`Version ${plain(report.framework.version)} (${report.framework.id})`, { width: CONTENT_WIDTH });
  doc.moveDown(2);
  doc.font("Helvetica-Bold").fontSize(40).text(`Score ${report.score.toFixed(1)}`, { width: CONTENT_WIDTH });
  doc.font("Helvetica").fontSize(10).fillColor("#57606a").text("out of 100, over the controls Tower could assess (formula in the appendix)", { width: CONTENT_WIDTH });
  doc.moveDown(2);
  const s = report.scope;
  const lines = [
    `Generated: ${report.generatedAt}`,
    `Resources assessed: ${s.resources}`,
    ...(s.clusters?.length ? [`Clusters: ${s.clusters.length <= 12 ? s.clusters.join(", ") : `${s.clusters.length} clusters`}`] : []),
    ...(s.sources?.length ? [`Sources: ${s.sources.length <= 6 ? s.sources.join(", ") : `${s.sources.length} paths`}`] : []),
    `Controls: ${report.summary.controls}; failing resources: ${report.summary.failingResources}`,
  ];
  for (const line of lines) paragraph(doc, line, 11);
};
