import type { ControlStatus } from "../../compliance/types";
import { writeRows } from "./raw-text";

export const PAGE = { size: "A4" as const, margin: 40, width: 595.28, height: 841.89 };
export const LEFT = PAGE.margin;
export const RIGHT = PAGE.width - PAGE.margin;
export const TOP = PAGE.margin;
export const BOTTOM = PAGE.height - PAGE.margin - 14;
export const CONTENT_WIDTH = RIGHT - LEFT;

export const STATUS_COLORS: Record<ControlStatus, string> = {
  pass: "#1a7f37",
  fail: "#cf222e",
  partial: "#bc4c00",
  "not-assessable": "#57606a",
  "not-applicable": "#8c959f",
};

/** pdfkit's WinAnsi fonts show only Latin-1; typographic punctuation is folded to ASCII so it prints. */
export const plain = (s: string): string =>
  s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, "-").replace(/\u2026/g, "...").replace(/[^\x09\x0a\x0d\x20-\xff]/g, "?");

export const heading = (doc: PDFKit.PDFDocument, text: string, size = 16) => {
  doc.x = LEFT;
  doc.font("Helvetica-Bold").fontSize(size).fillColor("#000").text(plain(text), { width: CONTENT_WIDTH });
  doc.moveDown(0.4);
  doc.font("Helvetica").fontSize(9);
};

export const paragraph = (doc: PDFKit.PDFDocument, text: string, size = 9) => {
  doc.x = LEFT;
  doc.font("Helvetica").fontSize(size).fillColor("#000").text(plain(text), { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
};

/** Starts a new page when fewer than `needed` points are left. */
export const ensureSpace = (doc: PDFKit.PDFDocument, needed: number) => {
  if (doc.y + needed > BOTTOM) doc.addPage();
};

/** Page footer, written below the bottom margin with raw operators so that it can never trigger a page break. */
export const installFooter = (doc: PDFKit.PDFDocument, label: string): (() => number) => {
  let pages = 0;
  const footer = () => {
    pages++;
    doc.font("Helvetica").fontSize(7).fillColor("#57606a");
    writeRows(doc, [[{ text: `${label}  -  page ${pages}`, x: LEFT }]], PAGE.height - PAGE.margin + 6, 9);
    doc.fillColor("#000");
    doc.x = LEFT;
    doc.y = TOP;
  };
  doc.on("pageAdded", footer);
  footer();
  return () => pages;
};
