// pdfkit's text() measures and encodes every glyph and costs ~50 us a call, far too slow for 100,000 rows. Table rows
// are written here as raw content-stream operators instead, with the document's current standard font (WinAnsi).

type FontLike = { id: string; ref: () => unknown; ascender: number };
type DocInternals = { _font: FontLike; _fontSize: number; page: { height: number; fonts: Record<string, unknown> }; addContent: (s: string) => unknown };

const internals = (doc: PDFKit.PDFDocument): DocInternals => doc as unknown as DocInternals;

/** Printable ASCII only (the other WinAnsi codes differ from Unicode), with PDF string escapes. */
export const pdfLiteral = (s: string): string =>
  s.replace(/[^\x20-\x7e]/g, "?").replace(/[\\()]/g, (c) => `\\${c}`);

const num = (n: number) => (Math.round(n * 100) / 100).toString();

export type RawCell = { text: string; x: number };

/** Writes rows of cells at `y`, `y + lineHeight`, ... (top-down coordinates, as pdfkit's own). */
export const writeRows = (doc: PDFKit.PDFDocument, rows: readonly RawCell[][], y: number, lineHeight: number): void => {
  const d = internals(doc);
  const font = d._font;
  if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
  const size = d._fontSize;
  const ascent = (font.ascender / 1000) * size;
  const ops: string[] = [`q 1 0 0 -1 0 ${num(d.page.height)} cm BT /${font.id} ${num(size)} Tf`];
  rows.forEach((cells, i) => {
    const baseline = d.page.height - (y + i * lineHeight) - ascent;
    for (const c of cells) if (c.text) ops.push(`1 0 0 1 ${num(c.x)} ${num(baseline)} Tm (${pdfLiteral(c.text)}) Tj`);
  });
  ops.push("ET Q");
  d.addContent(ops.join("\n"));
};

/** Cuts a string to about `width` points at `size` without measuring glyphs (Helvetica averages under 0.56 em). */
export const fit = (s: string, width: number, size: number): string => {
  const max = Math.max(4, Math.floor(width / (size * 0.56)));
  return s.length <= max ? s : `${s.slice(0, max - 3)}...`;
};
