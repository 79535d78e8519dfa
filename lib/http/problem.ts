import { ZodError } from "zod";
import { AppError, type InvalidParam } from "../errors";

export type Problem = { type: string; title: string; status: number; detail: string; code: string; requestId: string; invalid_params?: InvalidParam[] };

const TITLES: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 409: "Conflict", 413: "Payload Too Large", 415: "Unsupported Media Type", 429: "Too Many Requests", 500: "Internal Server Error" };

export const zodToInvalidParams = (err: ZodError, prefix?: string): InvalidParam[] =>
  err.issues.map((i) => ({ name: [prefix, ...i.path.map(String)].filter(Boolean).join("."), reason: i.message }));

/** RFC 9457 problem+json; unexpected errors are logged with the request id and never echoed. */
export const problemResponse = (err: unknown, requestId: string): Response => {
  let problem: Problem;
  const headers: Record<string, string> = { "content-type": "application/problem+json", "x-request-id": requestId, "cache-control": "private, no-store" };
  if (err instanceof AppError) {
    problem = { type: `https://tower.dev/problems/${err.code}`, title: TITLES[err.status] ?? "Error", status: err.status, detail: err.message, code: err.code, requestId };
    if (err.extra.invalidParams?.length) problem.invalid_params = err.extra.invalidParams;
    if (err.extra.retryAfterSeconds) headers["retry-after"] = String(err.extra.retryAfterSeconds);
  } else if (err instanceof ZodError) {
    problem = { type: "https://tower.dev/problems/validation", title: "Bad Request", status: 400, detail: "The request is invalid", code: "validation", requestId, invalid_params: zodToInvalidParams(err) };
  } else if (isPrismaNotFound(err)) {
    problem = { type: "https://tower.dev/problems/not_found", title: "Not Found", status: 404, detail: "Resource not found", code: "not_found", requestId };
  } else {
    console.error(`[${requestId}] unexpected error:`, err instanceof Error ? err.stack ?? err.message : err);
    problem = { type: "https://tower.dev/problems/internal", title: "Internal Server Error", status: 500, detail: "Something went wrong; the error was logged with this request id", code: "internal", requestId };
  }
  return new Response(JSON.stringify(problem), { status: problem.status, headers });
};

const isPrismaNotFound = (err: unknown) => typeof err === "object" && err !== null && (err as { code?: string }).code === "P2025";
