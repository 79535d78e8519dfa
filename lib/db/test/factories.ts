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

/** A cluster (credential sealed with the test key), one finding on it and one suppression, all in `orgId`. */
export const seedClusterData = async (orgId: string) => {
  const { sealKubeconfig } = await import("@/lib/clusters/vault");
  const name = `cluster-${uniq()}`;
  const cluster = await db.cluster.create({ data: { orgId, name, server: "https://127.0.0.1:6443", credential: { create: sealKubeconfig("apiVersion: v1\nkind: Config\n") } } });
  const finding = await db.finding.create({
    data: { orgId, clusterId: cluster.id, fingerprint: uniq(), ruleId: "TWR-0101", ruleName: "privileged-container", title: "Privileged container", severity: "critical", theme: "pod-hardening", message: `Container 'x' of Deployment '${name}-web' sets securityContext.privileged=true`, apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: `${name}-web`, evidence: [], remediation: "r", lastScanId: "s" },
  });
  const suppression = await db.suppression.create({ data: { orgId, scope: "rule", clusterId: cluster.id, ruleId: "TWR-0999", reason: `seeded ${name}` } });
  return { cluster, finding, suppression };
};
