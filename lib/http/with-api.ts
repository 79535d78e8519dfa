import "server-only";
import crypto from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { contextFromRequest, requirePermission, type Ctx } from "@/lib/auth/context";
import type { TPermission } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { AppError, ForbiddenError, ValidationError } from "@/lib/errors";
import { problemResponse, zodToInvalidParams } from "./problem";
import { readJsonBody } from "./read-body";

type Schemas<P, Q, B> = { params?: z.ZodType<P>; query?: z.ZodType<Q>; body?: z.ZodType<B> };
type RouteContext = { params: Promise<Record<string, string | string[]>> };

type Handler<P, Q, B, A extends boolean> = (args: {
  req: NextRequest;
  ctx: A extends true ? Ctx : undefined;
  params: P;
  query: Q;
  body: B;
  requestId: string;
}) => Promise<unknown>;

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cross-site requests cannot mutate: the browser's Origin must be this server's. Together with the
 * JSON-only content type and SameSite=Lax session cookies this is Tower's CSRF protection.
 */
const assertSameOrigin = (req: NextRequest) => {
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new ForbiddenError("Cross-site request refused");
  if (!origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (new URL(origin).host !== host) throw new ForbiddenError("Cross-site request refused");
};

const parsePart = <T,>(schema: z.ZodType<T> | undefined, value: unknown, part: string): T => {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(`Invalid ${part}`, zodToInvalidParams(result.error, part));
  return result.data;
};

const toResponse = (result: unknown, requestId: string): Response => {
  if (result instanceof Response) {
    result.headers.set("x-request-id", requestId);
    return result;
  }
  const headers = { "content-type": "application/json", "x-request-id": requestId, "cache-control": "private, no-store" };
  if (result === undefined) return new Response(null, { status: 204, headers });
  return new Response(JSON.stringify(result), { status: 200, headers });
};

/** The one wrapper every API route goes through: auth, permission, CSRF, input validation, problem+json errors. */
export const withApi = <P = undefined, Q = undefined, B = undefined, A extends boolean = true>(opts: {
  auth?: A;
  permission?: TPermission;
  schemas?: Schemas<P, Q, B>;
  handler: Handler<P, Q, B, A>;
}) => {
  return async (req: NextRequest, route?: RouteContext): Promise<Response> => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 64) || crypto.randomUUID();
    try {
      if (MUTATING.has(req.method)) assertSameOrigin(req);
      const needsAuth = opts.auth !== false;
      const ctx = needsAuth ? await contextFromRequest(req, requestId) : undefined;
      if (ctx && opts.permission) requirePermission(ctx, opts.permission);
      const params = parsePart(opts.schemas?.params, route ? await route.params : {}, "params");
      const query = parsePart(opts.schemas?.query, Object.fromEntries(req.nextUrl.searchParams), "query");
      const body = opts.schemas?.body ? parsePart(opts.schemas.body, await readJsonBody(req, env().TOWER_MAX_BODY_BYTES), "body") : (undefined as B);
      const result = await opts.handler({ req, ctx: ctx as A extends true ? Ctx : undefined, params, query, body, requestId });
      return toResponse(result, requestId);
    } catch (err) {
      return problemResponse(err, requestId);
    }
  };
};

export { AppError };
