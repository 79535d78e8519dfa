import "server-only";

// COPY ... FROM STDIN (FORMAT binary): a signature and two zero words, then per row a 16-bit field count
// and per field a 32-bit length (-1 for NULL) and its bytes, then a -1 trailer. Nothing is escaped, so
// neither side scans the kilobytes of each raw event for tabs and backslashes, and PostgreSQL parses
// no timestamps.
const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const NUL = "\u0000";

/** Rows for a binary COPY, written into one buffer sized for the worst case (3 UTF-8 bytes per UTF-16 unit). */
export class BinaryCopyWriter {
  private buf: Buffer;
  private at = 0;

  constructor(capacityHint = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(Math.max(capacityHint, 64));
    this.at = SIGNATURE.copy(this.buf, 0);
    this.at = this.buf.writeInt32BE(0, this.buf.writeInt32BE(0, this.at));
  }

  private reserve(bytes: number) {
    if (this.at + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + bytes));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }

  row(fields: number) {
    this.reserve(2);
    this.at = this.buf.writeInt16BE(fields, this.at);
    return this;
  }

  /** text or json. PostgreSQL text cannot hold NUL: it is dropped, as the text format does. */
  text(v: string | null) {
    if (v === null) return this.nul();
    const s = v.includes(NUL) ? v.replaceAll(NUL, "") : v;
    this.reserve(4 + s.length * 3);
    const n = this.buf.write(s, this.at + 4, "utf8");
    this.buf.writeInt32BE(n, this.at);
    this.at += 4 + n;
    return this;
  }

  int4(v: number | null) {
    if (v === null) return this.nul();
    this.reserve(8);
    this.at = this.buf.writeInt32BE(v, this.buf.writeInt32BE(4, this.at));
    return this;
  }

  /** timestamptz from whole epoch milliseconds: microseconds since 2000-01-01 UTC. */
  timestamptz(ms: number) {
    this.reserve(12);
    this.at = this.buf.writeBigInt64BE(BigInt(ms - PG_EPOCH_MS) * 1000n, this.buf.writeInt32BE(8, this.at));
    return this;
  }

  private nul() {
    this.reserve(4);
    this.at = this.buf.writeInt32BE(-1, this.at);
    return this;
  }

  /** The whole stream, trailer included. */
  finish(): Buffer {
    this.reserve(2);
    this.at = this.buf.writeInt16BE(-1, this.at);
    return this.buf.subarray(0, this.at);
  }
}
