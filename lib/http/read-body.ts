import { AppError } from "../errors";

/**
 * Reads a request body of at most `maxBytes`, streamed, so that a lying Content-Length cannot get past
 * the limit. `tooLarge` builds the error to throw (its message can say which setting to change).
 */
export const readLimitedBody = async (req: Request, maxBytes: number, tooLarge: () => Error = () => new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes`)): Promise<Buffer> => {
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge();
  const reader = req.body?.getReader();
  if (!reader) throw new AppError("bad_request", "The request has no body");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
};

/** Reads a JSON body with a hard size limit. */
export const readJsonBody = async (req: Request, maxBytes: number): Promise<unknown> => {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new AppError("unsupported_media_type", "Send the body as application/json");
  const text = (await readLimitedBody(req, maxBytes)).toString("utf8");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError("bad_request", `The body is not valid JSON: ${err instanceof Error ? err.message : "parse error"}`);
  }
};
