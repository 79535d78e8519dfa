import "server-only";
import zlib from "node:zlib";
import { promisify } from "node:util";
import { AppError } from "@/lib/errors";
import { readLimitedBody } from "@/lib/http/read-body";

const gunzip = promisify(zlib.gunzip);

const tooLarge = (max: number) => new AppError("payload_too_large", `The batch is larger than ${max} bytes; lower --audit-webhook-batch-max-size or raise TOWER_AUDIT_MAX_BATCH_BYTES`);

/**
 * The webhook body as text, at most `maxBytes` on the wire and after decompression (gzip accepted), read
 * as a stream so that a lying Content-Length cannot get past the limit.
 */
export const readBatchBody = async (req: Request, maxBytes: number): Promise<string> => {
  let buf = await readLimitedBody(req, maxBytes, () => tooLarge(maxBytes));
  const encoding = (req.headers.get("content-encoding") ?? "").toLowerCase();
  const gzipped = encoding.includes("gzip") || (buf.length > 2 && buf[0] === 0x1f && buf[1] === 0x8b);
  if (gzipped) {
    try {
      buf = await gunzip(buf, { maxOutputLength: maxBytes });
    } catch (err) {
      if (err instanceof RangeError || (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(maxBytes);
      throw new AppError("bad_request", "The body is not valid gzip data");
    }
  } else if (encoding && encoding !== "identity") {
    throw new AppError("unsupported_media_type", `Content-Encoding ${encoding} is not supported; send identity or gzip`);
  }
  return buf.toString("utf8");
};
