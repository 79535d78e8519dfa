import "server-only";
import { getToken, type JWT } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { authSecret } from "./options";
import { hasPermission, type TPermission, type TRole } from "./permissions";

/** Who is asking, in which organization, with which role: resolved from the database on every request. */
export type Ctx = {
  user: { id: string; email: string; name: string | null };
  org: { id: string; name: string; slug: string };
  role: TRole;
  requestId: string;
  ip?: string;
  userAgent?: string;
};

export const contextFromToken = async (token: JWT | null, meta: { requestId: string; ip?: string; userAgent?: string }): Promise<Ctx> => {
  if (!token?.uid || !token.orgId) throw new UnauthorizedError();
  const membership = await db.membership.findUnique({
    where: { orgId_userId: { orgId: token.orgId, userId: token.uid } },
    include: { user: true, org: true },
  });
  // Removed or disabled users lose access at once, whatever their session cookie says.
  if (!membership || membership.user.disabled) throw new UnauthorizedError();
  return {
    user: { id: membership.user.id, email: membership.user.email, name: membership.user.name },
    org: { id: membership.org.id, name: membership.org.name, slug: membership.org.slug },
    role: membership.role,
    ...meta,
  };
};

export const contextFromRequest = async (req: NextRequest, requestId: string): Promise<Ctx> => {
  const token = await getToken({ req, secret: authSecret() });
  const ip = req.headers.get("x-forwarded-for")?.split(",")[0].trim();
  return contextFromToken(token, { requestId, ip, userAgent: req.headers.get("user-agent") ?? undefined });
};

export const requirePermission = (ctx: Ctx, permission: TPermission) => {
  if (!hasPermission(ctx.role, permission)) throw new ForbiddenError(`Your role (${ctx.role}) does not allow ${permission}`);
};
