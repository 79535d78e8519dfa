import "server-only";
import { db } from "@/lib/db";
import { UnauthorizedError } from "@/lib/errors";
import { hashToken } from "../internal";

type IngestCluster = { clusterId: string; orgId: string };

const TTL_MS = 10_000;
const cache = new Map<string, { value: IngestCluster | null; until: number }>();

/** A rotation in this process takes effect at once; other processes see it within TTL_MS. */
export const forgetIngestToken = (clusterId: string) => {
  for (const [key] of cache) if (key.startsWith(`${clusterId}\u0000`)) cache.delete(key);
};

/**
 * The webhook's own authentication: `Authorization: Bearer <token>` whose SHA-256 is the cluster's
 * auditTokenHash. Lookups are cached briefly, since the API server sends many batches a second.
 */
export const authenticateIngest = async (clusterId: string, authorization: string | null): Promise<IngestCluster> => {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!token) throw new UnauthorizedError("Send the cluster's audit webhook token as a bearer token");
  const key = `${clusterId}\u0000${hashToken(token)}`;
  const hit = cache.get(key);
  let value = hit && hit.until > Date.now() ? hit.value : undefined;
  if (value === undefined) {
    const cluster = await db.cluster.findFirst({ where: { id: clusterId, auditTokenHash: hashToken(token) }, select: { id: true, orgId: true } });
    value = cluster ? { clusterId: cluster.id, orgId: cluster.orgId } : null;
    if (cache.size > 10_000) cache.clear();
    cache.set(key, { value, until: Date.now() + TTL_MS });
  }
  if (!value) throw new UnauthorizedError("The audit webhook token is not valid for this cluster");
  return value;
};
