import type { ReportDocument } from "../document";
import { BOTTOM, heading, LEFT, plain, STATUS_COLORS, TOP } from "./layout";

const COLS = { id: LEFT, title: LEFT + 70, status: LEFT + 330, level: LEFT + 405, rules: LEFT + 430, failing: LEFT + 480 };

const header = (doc: PDFKit.PDFDocument) => {
  const y = doc.y;
  doc.font("Helvetica-Bold").fontSize(8).fillColor("#000");
  doc.text("Control", COLS.id, y, { lineBreak: false });
  doc.text("Title", COLS.title, y, { lineBreak: false });
  doc.text("Status", COLS.status, y, { lineBreak: false });
  doc.text("Lvl", COLS.level, y, { lineBreak: false });
  doc.text("Rules", COLS.rules, y, { lineBreak: false });
  doc.text("Failing", COLS.failing, y, { lineBreak: false });
  doc.y = y + 13;
};

const levelText = (level: number | undefined, verified: boolean | undefined) => (level === undefined ? "" : `L${level}${verified ? "" : "?"}`);

export const renderControlTable = (doc: PDFKit.PDFDocument, report: ReportDocument) => {
  doc.addPage();
  heading(doc, "Controls");
  header(doc);
  for (const c of report.controls) {
    doc.font("Helvetica").fontSize(8);
    const title = plain(c.title);
    const height = doc.heightOfString(title, { width: COLS.status - COLS.title - 8 });
    if (doc.y + height > BOTTOM) {
      doc.addPage();
      doc.y = TOP;
      header(doc);
      doc.font("Helvetica").fontSize(8);
    }
    const y = doc.y;
    doc.fillColor("#000").text(c.id, COLS.id, y, { width: 66, lineBreak: false });
    doc.text(title, COLS.title, y, { width: COLS.status - COLS.title - 8 });
    const after = doc.y;
    doc.fillColor(STATUS_COLORS[c.status]).text(c.status, COLS.status, y, { lineBreak: false });
    doc.fillColor("#000").text(levelText(c.level, c.levelVerified), COLS.level, y, { lineBreak: false });
    doc.text(String(c.rules.length + c.detections.length), COLS.rules, y, { lineBreak: false });
    doc.text(String(c.failing.length), COLS.failing, y, { lineBreak: false });
    doc.y = Math.max(after, y + 10) + 2;
  }
  doc.x = LEFT;
  doc.font("Helvetica").fontSize(7).fillColor("#57606a").text("Lvl: CIS profile level; '?' marks a level not yet checked against the benchmark text. Rules: rules and detections mapped to the control.", LEFT, doc.y + 6);
};
