import crypto from "node:crypto";
import { encode } from "next-auth/jwt";
import { hashPassword } from "@/lib/auth/password";
import type { TRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

const uniq = () => crypto.randomBytes(4).toString("hex");

export const createOrg = async (name = `Org ${uniq()}`) => db.organization.create({ data: { name, slug: `org-${uniq()}` } });

/** A user who is a member of `orgId` with `role`, plus a valid session cookie for API calls. */
export const createMember = async (orgId: string, role: TRole, opts: { password?: string; email?: string } = {}) => {
  const email = opts.email ?? `${role}-${uniq()}@example.test`;
  const user = await db.user.create({ data: { email, name: `${role} user`, passwordHash: opts.password ? await hashPassword(opts.password) : null } });
  const membership = await db.membership.create({ data: { orgId, userId: user.id, role } });
  return { user, membership, cookie: await sessionCookie(user.id, orgId) };
};

export const sessionCookie = async (uid: string, orgId: string) => {
  const token = await encode({ token: { sub: uid, uid, orgId }, secret: process.env.TOWER_AUTH_SECRET! });
  return `next-auth.session-token=${token}`;
};
