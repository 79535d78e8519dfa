import { AppError } from "../errors";

/** Reads a JSON body with a hard size limit (streamed, so a lying Content-Length cannot get past it). */
export const readJsonBody = async (req: Request, maxBytes: number): Promise<unknown> => {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new AppError("unsupported_media_type", "Send the body as application/json");
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes`);
  const reader = req.body?.getReader();
  if (!reader) throw new AppError("bad_request", "The request has no body");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError("bad_request", `The body is not valid JSON: ${err instanceof Error ? err.message : "parse error"}`);
  }
};
