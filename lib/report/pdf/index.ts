import PDFDocument from "pdfkit";
import type { ReportDocument } from "../document";
import { renderAppendix } from "./appendix";
import { renderControlTable } from "./control-table";
import { renderCover } from "./cover";
import { renderFailing } from "./failing";
import { installFooter, PAGE } from "./layout";
import { renderSummary } from "./summary";

export type RenderedPdf = { pdf: Buffer; pages: number };

/**
 * Cover, executive summary, control table, failing resources by control with remediation, and the method appendix.
 * Pages grow with failing resource entries and controls, never with the number of objects scanned.
 */
export const renderPdf = (report: ReportDocument): Promise<RenderedPdf> =>
  new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: PAGE.size,
      margin: PAGE.margin,
      info: { Title: `${report.framework.name} compliance report`, Author: "Tower", CreationDate: new Date(report.generatedAt) },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("error", reject);
    const pageCount = installFooter(doc, `Tower - ${report.framework.id} - ${report.generatedAt.slice(0, 10)}`);
    doc.on("end", () => resolve({ pdf: Buffer.concat(chunks), pages: pageCount() }));
    renderCover(doc, report);
    renderSummary(doc, report);
    renderControlTable(doc, report);
    renderFailing(doc, report);
    renderAppendix(doc, report);
    doc.end();
  });
