import "server-only";
import { StringDecoder } from "node:string_decoder";
import zlib from "node:zlib";
import { Readable } from "node:stream";
import { parseAuditText } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { rejectedRaw, type RejectedRow } from "./prepare-batch";

/** Records with their texts as read (`texts[k]` is record k's, where found) and the lines that were not JSON. */
export type RecordBatch = { records: unknown[]; texts: (string | undefined)[]; rejected: RejectedRow[]; bytesRead: number };

const DEFAULT_MAX_DOCUMENT = 256 * 1_048_576;

/** Bytes as they arrive, gunzipped when the first bytes are the gzip magic number; counts the bytes read. */
async function* decoded(source: AsyncIterable<Uint8Array>, counter: { bytes: number }): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  async function* raw() {
    counter.bytes += first.value!.byteLength;
    yield Buffer.from(first.value!);
    for (let n = await it.next(); !n.done; n = await it.next()) {
      counter.bytes += n.value.byteLength;
      yield Buffer.from(n.value);
    }
  }
  const head = first.value;
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) yield* Readable.from(raw()).pipe(zlib.createGunzip());
  else yield* raw();
}

/**
 * Splits an upload or file (JSON lines, or one EventList / JSON array document) into batches of raw
 * records without holding a JSON-lines file in memory. A single document must be read whole, up to
 * `maxDocumentBytes`. Lines that are not JSON are returned as rejected, with their text.
 */
export async function* readRecordBatches(source: AsyncIterable<Uint8Array>, opts: { batchSize?: number; maxDocumentBytes?: number } = {}): AsyncGenerator<RecordBatch> {
  const batchSize = opts.batchSize ?? 2000;
  const maxDoc = opts.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT;
  const counter = { bytes: 0 };
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let lineNo = 0;
  let sawRecord = false;
  let doc: string[] | null = null;
  let docSize = 0;
  let batch: RecordBatch = { records: [], texts: [], rejected: [], bytesRead: 0 };
  const take = (line: string) => {
    lineNo++;
    const t = line.trim();
    if (!t) return;
    const parsed = parseAuditText(t);
    // The first line of a pretty-printed document is not JSON on its own: read the whole document.
    if (!sawRecord && parsed.rejected.length && /^[[{]/.test(t)) {
      doc = [line];
      docSize = line.length;
      return;
    }
    sawRecord = true;
    batch.records.push(...parsed.records);
    batch.texts.push(...parsed.texts);
    for (const r of parsed.rejected) batch.rejected.push({ reason: r.reason.replace(/^line 1:/, `line ${lineNo}:`), raw: rejectedRaw(t) });
  };
  const full = () => batch.records.length + batch.rejected.length >= batchSize;
  const flush = () => {
    const out = { ...batch, bytesRead: counter.bytes };
    batch = { records: [], texts: [], rejected: [], bytesRead: 0 };
    return out;
  };
  for await (const chunk of decoded(source, counter)) {
    const text = decoder.write(chunk);
    if (doc) {
      (doc as string[]).push(text);
      docSize += text.length;
      if (docSize > maxDoc) throw new AppError("payload_too_large", `A single JSON document larger than ${maxDoc} bytes cannot be imported; convert it to JSON lines`);
      continue;
    }
    const parts = (pending + text).split("\n");
    pending = parts.pop() ?? "";
    for (let i = 0; i < parts.length; i++) {
      take(parts[i]);
      if (doc) {
        (doc as string[]).push("\n", [...parts.slice(i + 1), pending].join("\n"));
        pending = "";
        break;
      }
      if (full()) yield flush();
    }
  }
  const rest = decoder.end();
  if (doc) {
    const text = (doc as string[]).join("") + rest;
    const parsed = parseAuditText(text);
    for (let i = 0; i < parsed.records.length; i += batchSize) yield { records: parsed.records.slice(i, i + batchSize), texts: parsed.texts.slice(i, i + batchSize), rejected: [], bytesRead: counter.bytes };
    if (parsed.rejected.length) {
      const lines = text.trim().split(/\r?\n/);
      yield { records: [], texts: [], rejected: parsed.rejected.map((r) => ({ reason: r.reason, raw: rejectedRaw(lines[r.index] ?? "") })), bytesRead: counter.bytes };
    }
    return;
  }
  take(pending + rest);
  if (batch.records.length || batch.rejected.length) yield flush();
}
