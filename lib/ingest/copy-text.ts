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
 * A field holding JSON.stringify output, which escapes every control character itself: only its backslashes
 * need doubling, done natively instead of by a regular expression over kilobytes per event.
 */
export const copyJsonField = (json: string): string => (json.includes("\\") ? json.replaceAll("\\", "\\\\") : json);

/** Joins lines into chunks of about 256 KiB (one CopyData message each). */
export const toCopyChunks = (lines: readonly string[], target = 256 * 1024): Buffer[] => {
  const out: Buffer[] = [];
  let parts: string[] = [];
  let size = 0;
  for (const line of lines) {
    parts.push(line);
    size += line.length;
    if (size >= target) {
      out.push(Buffer.from(parts.join(""), "utf8"));
      parts = [];
      size = 0;
    }
  }
  if (parts.length) out.push(Buffer.from(parts.join(""), "utf8"));
  return out;
};
