import "server-only";

// COPY text format: tab-separated, \N for NULL, backslash escapes. Postgres text cannot hold NUL at all.
const NEEDS_ESCAPE = /[\\\t\n\r\0]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\0": "" };

export const copyField = (v: string | number | null | undefined): string => {
  if (v === null || v === undefined) return "\\N";
  const s = typeof v === "number" ? String(v) : v;
  return NEEDS_ESCAPE.test(s) ? s.replace(/[\\\t\n\r\0]/g, (c) => ESCAPES[c]) : s;
};

/**
 * A field holding JSON text. Inside its strings JSON escapes every control character itself, so only the
 * backslashes need doubling, done natively instead of by a regular expression over kilobytes per event;
 * whitespace between tokens (pretty-printed input stored as received) takes the general escape.
 */
export const copyJsonField = (json: string): string => {
  const doubled = json.includes("\\") ? json.replaceAll("\\", "\\\\") : json;
  return doubled.includes("\n") || doubled.includes("\t") || doubled.includes("\r") ? doubled.replace(/[\t\n\r]/g, (c) => ESCAPES[c]) : doubled;
};

/**
 * Packs lines into chunks of about 256 KiB (one CopyData message each), encoding each line straight into the
 * chunk's buffer: joining the lines into one string first and encoding that costs twice as much.
 */
export const toCopyChunks = (lines: readonly string[], target = 256 * 1024): Buffer[] => {
  const out: Buffer[] = [];
  for (let i = 0; i < lines.length; ) {
    let size = 0;
    let end = i;
    while (end < lines.length && size < target) size += Buffer.byteLength(lines[end++], "utf8");
    const chunk = Buffer.allocUnsafe(size);
    let offset = 0;
    for (let k = i; k < end; k++) offset += chunk.write(lines[k], offset, "utf8");
    out.push(chunk);
    i = end;
  }
  return out;
};
