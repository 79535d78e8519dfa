import "server-only";
import type { Db } from "@/lib/db";

export type AuditActor = { orgId?: string | null; actorId?: string | null; actorEmail?: string | null; ip?: string | null; userAgent?: string | null };
export type AuditEntry = { action: string; targetType?: string; targetId?: string; before?: unknown; after?: unknown };

type Tx = Pick<Db, "auditLog">;

const SECRET_KEYS = /password|secret|token|kubeconfig|credential|key$/i;

/** Audit snapshots never carry credentials: keys that look secret are replaced before writing. */
export const stripSecrets = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEYS.test(k) ? "[removed]" : stripSecrets(v)]));
  }
  return value;
};

/** Writes Tower's own audit trail in the caller's transaction, so that the action and its record commit together. */
export const recordAudit = async (tx: Tx, actor: AuditActor, entry: AuditEntry) => {
  await tx.auditLog.create({
    data: {
      orgId: actor.orgId ?? null,
      actorId: actor.actorId ?? null,
      actorEmail: actor.actorEmail ?? null,
      ip: actor.ip ?? null,
      userAgent: actor.userAgent?.slice(0, 300) ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: entry.before === undefined ? undefined : (stripSecrets(entry.before) as object),
      after: entry.after === undefined ? undefined : (stripSecrets(entry.after) as object),
    },
  });
};
