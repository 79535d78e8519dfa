import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate, authorize, review, type SimUser } from "./auth";
import { apiGroupDoc, apiGroupList, apiResourceList, apiVersions, versionInfo } from "./discovery";
import { getObject, listPage, metadataOnly } from "./list";
import { negotiate } from "./negotiate";
import { REVIEW_RESOURCES } from "./resources";
import { routeNotFound, statusError, StatusError } from "./status";
import type { SimStore } from "./store";
import { toTable } from "./table";
import type { SimOptions, SimRequestLog } from "./types";

export type SimState = Required<Pick<SimOptions, "auth" | "forbidden" | "failures" | "latencyMs">> &
  Pick<SimOptions, "pageSizeMax" | "expireContinue"> & { serverVersion: string; address: string };

type Ctx = { store: SimStore; state: SimState; log: SimRequestLog[] };
type Reply = { status: number; body: unknown; headers?: Record<string, string> };

const LOG_MAX = 5000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const json = (body: unknown, status = 200): Reply => ({ status, body });

const readBody = (req: IncomingMessage): Promise<unknown> =>
  new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > 1024 * 1024) reject(statusError(413, "request entity too large", undefined, "RequestEntityTooLarge"));
      else chunks.push(c);
    });
    req.on("end", () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : undefined);
      } catch {
        reject(statusError(400, "the request body is not valid JSON"));
      }
    });
    req.on("error", reject);
  });

/** Resource paths: /api/v1/... and /apis/<group>/<version>/..., namespaced or not, list or get. */
const parseResourcePath = (segments: string[]) => {
  let group: string, version: string, rest: string[];
  if (segments[0] === "api" && segments.length >= 2) [group, version, rest] = ["", segments[1], segments.slice(2)];
  else if (segments[0] === "apis" && segments.length >= 3) [group, version, rest] = [segments[1], segments[2], segments.slice(3)];
  else return undefined;
  let namespace: string | undefined;
  if (rest[0] === "namespaces" && rest.length >= 3) [namespace, rest] = [rest[1], rest.slice(2)];
  return { group, version, namespace, resource: rest[0], name: rest[1], subresource: rest[2], extra: rest.length > 3 };
};

const serveResource = async (ctx: Ctx, req: IncomingMessage, url: URL, user: SimUser | undefined, segments: string[]): Promise<Reply> => {
  const p = parseResourcePath(segments);
  if (!p) throw routeNotFound();
  if (!p.resource) {
    const list = apiResourceList(ctx.store, p.group, p.version);
    if (!list) throw routeNotFound();
    negotiate(req.headers.accept, { table: false, metadata: false });
    return json(list);
  }
  const res = ctx.store.find(p.group, p.version, p.resource);
  if (!res || p.extra) throw routeNotFound();
  if (req.method === "POST" && REVIEW_RESOURCES.has(res.resource) && !p.name) {
    const body = await readBody(req);
    return json(review(res.resource as "selfsubjectaccessreviews", body, ctx.store, ctx.state.forbidden), 201);
  }
  if (req.method !== "GET" || REVIEW_RESOURCES.has(res.resource)) throw statusError(405, "the server does not allow this method on the requested resource (tower sim is read-only)");
  if (p.subresource) throw routeNotFound();
  if (p.namespace !== undefined && !res.namespaced) throw routeNotFound();
  if (p.name && res.namespaced && p.namespace === undefined) throw routeNotFound();
  const q = url.searchParams;
  if (q.get("watch") === "true" || q.get("watch") === "1") throw statusError(405, "watch is not served by tower sim; list instead");
  const want = negotiate(req.headers.accept, { table: true, metadata: true });
  const verb = p.name ? "get" : "list";
  authorize(ctx.state.forbidden, user, { group: res.group, resource: res.resource, verb, namespace: p.namespace, name: p.name });
  const metaFor = (o: ReturnType<typeof getObject>) => metadataOnly(o);
  if (p.name) {
    const obj = getObject(ctx.store, res, p.version, p.namespace, p.name);
    if (want.as === "metadata") return json(metaFor(obj));
    if (want.as === "table") {
      return json(toTable({ objects: [obj], kind: res.kind, apiVersion: want.apiVersion, includeObject: q.get("includeObject"), listMeta: { resourceVersion: ctx.store.resourceVersion }, now: Date.now(), metadataOnly }));
    }
    return json(obj);
  }
  const limit = q.get("limit") ? Number(q.get("limit")) : undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw statusError(400, `invalid limit "${q.get("limit")}"`);
  const page = listPage(
    ctx.store, res, p.version,
    { namespace: p.namespace, limit, continueToken: q.get("continue"), labelSelector: q.get("labelSelector"), fieldSelector: q.get("fieldSelector") },
    {
      pageSizeMax: ctx.state.pageSizeMax,
      expire: () => {
        const e = ctx.state.expireContinue;
        if (!e || e.times <= 0 || (e.resource && e.resource !== res.resource)) return false;
        e.times--;
        return true;
      },
    },
  );
  const groupVersion = res.group ? `${res.group}/${p.version}` : p.version;
  if (want.as === "metadata") return json({ kind: "PartialObjectMetadataList", apiVersion: "meta.k8s.io/v1", metadata: page.metadata, items: page.items.map(metaFor) });
  if (want.as === "table") {
    return json(toTable({ objects: page.items, kind: res.kind, apiVersion: want.apiVersion, includeObject: q.get("includeObject"), listMeta: page.metadata, now: Date.now(), metadataOnly }));
  }
  return json({ kind: `${res.kind}List`, apiVersion: groupVersion, metadata: page.metadata, items: page.items });
};

const route = async (ctx: Ctx, req: IncomingMessage, url: URL): Promise<Reply> => {
  const path = url.pathname.replace(/\/+$/, "") || "/";
  const user = authenticate(req, path, ctx.state.auth);
  const injected = ctx.state.failures.find((f) => f.times > 0 && (!f.method || f.method === req.method) && new RegExp(f.path).test(`${url.pathname}${url.search}`));
  if (injected) {
    injected.times--;
    if (injected.delayMs) await sleep(injected.delayMs);
    if (injected.status === 0) return { status: 0, body: undefined };
    const retry = injected.status === 429 || injected.status === 503 ? { "Retry-After": "1" } : undefined;
    throw new StatusError(statusError(injected.status, `injected failure (${injected.status}) for ${url.pathname}`, retry ? { retryAfterSeconds: 1 } : undefined).status, retry);
  }
  if (/^\/(healthz|livez|readyz)(\/.*)?$/.test(path)) return { status: 200, body: "ok" };
  if (path === "/version") return json(versionInfo(ctx.state.serverVersion));
  if (path === "/api") return json(apiVersions(ctx.state.address));
  if (path === "/apis") {
    negotiate(req.headers.accept, { table: false, metadata: false });
    return json(apiGroupList(ctx.store));
  }
  const segments = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (segments[0] === "apis" && segments.length === 2) {
    const doc = apiGroupDoc(ctx.store, segments[1]);
    if (!doc) throw routeNotFound();
    return json(doc);
  }
  if (segments.includes("watch")) throw statusError(405, "watch is not served by tower sim; list instead");
  return serveResource(ctx, req, url, user, segments);
};

const send = (res: ServerResponse, reply: Reply) => {
  const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "Content-Type": typeof reply.body === "string" ? "text/plain; charset=utf-8" : "application/json",
    "Cache-Control": "no-cache, private",
    "Content-Length": Buffer.byteLength(text),
    ...reply.headers,
  });
  res.end(text);
};

export const createHandler = (ctx: Ctx) => async (req: IncomingMessage, res: ServerResponse) => {
  const url = new URL(req.url ?? "/", "https://127.0.0.1");
  let reply: Reply;
  try {
    if (ctx.state.latencyMs > 0) await sleep(ctx.state.latencyMs);
    reply = await route(ctx, req, url);
  } catch (err) {
    reply = err instanceof StatusError
      ? { status: err.status.code, body: err.status, headers: err.headers }
      : { status: 500, body: statusError(500, `Internal error occurred: ${err instanceof Error ? err.message : String(err)}`).status };
  }
  ctx.log.push({ method: req.method ?? "GET", path: `${url.pathname}${url.search}`, status: reply.status, accept: req.headers.accept });
  if (ctx.log.length > LOG_MAX) ctx.log.splice(0, ctx.log.length - LOG_MAX);
  if (reply.status === 0) {
    req.socket.destroy();
    return;
  }
  send(res, reply);
};
