import { NextRequest } from "next/server";

type RouteFn = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls an App Router route handler as Next would, with a same-origin browser request. */
export const callRoute = async (
  handler: RouteFn,
  opts: { method: string; path: string; params?: Record<string, string>; cookie?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
) => {
  const headers: Record<string, string> = { origin: "http://localhost:3000", host: "localhost:3000", ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers };
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const req = new NextRequest(new URL(opts.path, "http://localhost:3000"), { method: opts.method, headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? safeJson(text) : undefined };
};

const safeJson = (t: string) => {
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
};
