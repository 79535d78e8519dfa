import { describe, expect, it } from "vitest";
import { copyField, copyJsonField, toCopyChunks } from "./copy-text";

// What PostgreSQL's COPY text format makes of a field: backslash escapes decoded.
const decode = (field: string) => field.replace(/\\(.)/g, (_, c: string) => ({ t: "\t", n: "\n", r: "\r", "\\": "\\" })[c] ?? c);

describe("COPY text fields", () => {
  it("keeps JSON text intact through COPY, backslashes and escaped control characters included", () => {
    const json = JSON.stringify({ cmd: 'sh -c "echo \\\\x"', lines: "a\nb\tc\r", nul: "x\u0000y", path: "C:\\temp" });
    const field = copyJsonField(json);
    expect(field).not.toMatch(/[\t\n\r]/);
    expect(decode(field)).toBe(json);
    expect(JSON.parse(decode(field))).toEqual(JSON.parse(json));
  });

  it("keeps pretty-printed JSON text (whitespace between tokens, as received) intact through COPY", () => {
    const json = JSON.stringify({ a: ["x\\y", { b: "tab\there" }] }, null, "\t").replace(/\n/g, "\r\n");
    const field = copyJsonField(json);
    expect(field).not.toMatch(/[\t\n\r]/);
    expect(decode(field)).toBe(json);
  });

  it("escapes tabs, newlines and backslashes in plain fields, drops NUL and writes NULL as \\N", () => {
    expect(decode(copyField("a\tb\nc\\d"))).toBe("a\tb\nc\\d");
    expect(copyField("a\u0000b")).toBe("ab");
    expect(copyField(null)).toBe("\\N");
    expect(copyField(403)).toBe("403");
  });

  it("packs lines into chunks of about the target size, bytes intact, multi-byte characters included", () => {
    const lines = Array.from({ length: 50 }, (_, i) => `${i}\tnamé-${"x".repeat(i * 7)}\t€\n`);
    const chunks = toCopyChunks(lines, 300);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(lines.join(""));
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(300);
    expect(toCopyChunks([])).toEqual([]);
  });
});
