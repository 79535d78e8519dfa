import "server-only";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { recordAudit } from "../audit/record-audit";
import { hashToken, newToken } from "../internal";

const SETUP_TOKEN_HOURS = 24;

export const slugify = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "org";

export const createOrgWithOwner = async (input: { orgName: string; email: string; password: string; name?: string }) => {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const org = await tx.organization.create({ data: { name: input.orgName, slug: `${slugify(input.orgName)}-${Math.random().toString(36).slice(2, 7)}` } });
    const user = await tx.user.create({ data: { email: input.email.toLowerCase(), name: input.name ?? null, passwordHash } });
    await tx.membership.create({ data: { orgId: org.id, userId: user.id, role: "owner" } });
    await recordAudit(tx, { orgId: org.id, actorId: user.id, actorEmail: user.email }, { action: "org.create", targetType: "organization", targetId: org.id, after: { name: org.name } });
    return { org, user };
  });
};

export type FirstRunResult = { kind: "exists" } | { kind: "created"; email: string } | { kind: "setup-link"; path: string };

/**
 * On first start (no user at all): create the first organization and its owner from the given
 * credentials, or issue a one-time setup link. Never overwrites existing users.
 */
export const ensureFirstOwner = async (opts: { email?: string; password?: string; orgName: string }): Promise<FirstRunResult> => {
  if ((await db.user.count()) > 0) return { kind: "exists" };
  if (opts.email && opts.password) {
    if (opts.password.length < MIN_PASSWORD_LENGTH) throw new Error(`TOWER_ADMIN_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`);
    await createOrgWithOwner({ orgName: opts.orgName, email: opts.email, password: opts.password, name: "Owner" });
    return { kind: "created", email: opts.email };
  }
  const token = newToken();
  await db.setupToken.create({ data: { tokenHash: hashToken(token), expiresAt: new Date(Date.now() + SETUP_TOKEN_HOURS * 3_600_000) } });
  return { kind: "setup-link", path: `/setup/${token}` };
};
