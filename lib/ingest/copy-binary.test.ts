import { describe, expect, it } from "vitest";
import { BinaryCopyWriter } from "./copy-binary";

describe("binary COPY rows", () => {
  it("writes the signature, length-prefixed fields, NULL as -1 and the trailer", () => {
    const out = new BinaryCopyWriter(8).row(4).text("é\u0000x").text(null).int4(-403).timestamptz(Date.UTC(2000, 0, 1, 0, 0, 1, 5)).finish();
    const expected = Buffer.concat([
      Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"),
      Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 4]),
      Buffer.from([0, 0, 0, 3]), Buffer.from("éx"), // NUL dropped: PostgreSQL text cannot hold it
      Buffer.from([0xff, 0xff, 0xff, 0xff]),
      Buffer.from([0, 0, 0, 4, 0xff, 0xff, 0xfe, 0x6d]),
      Buffer.from([0, 0, 0, 8, 0, 0, 0, 0, 0, 0x0f, 0x55, 0xc8]), // 1,005,000 µs after 2000-01-01
      Buffer.from([0xff, 0xff]),
    ]);
    expect(out).toEqual(expected);
  });

  it("grows past its first buffer with multi-byte text intact", () => {
    const w = new BinaryCopyWriter(64);
    const long = "€".repeat(5000);
    const out = w.row(1).text(long).finish();
    expect(out.readInt32BE(21)).toBe(15_000);
    expect(out.subarray(25, 25 + 15_000).toString("utf8")).toBe(long);
  });
});
