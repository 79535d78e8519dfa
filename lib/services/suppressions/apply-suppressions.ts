import "server-only";
import type pg from "pg";

/**
 * Links findings to the active suppressions that match them (every non-null scope field must match)
 * and unlinks findings whose suppression expired or was revoked. Idempotent; scoped to one org, and
 * to one cluster when given.
 */
export const applySuppressions = async (client: pg.PoolClient | pg.Pool, orgId: string, clusterId?: string) => {
  const released = await client.query(
    `update "Finding" f set "suppressionId" = null
       from "Suppression" s
      where f."suppressionId" = s.id and f."orgId" = $1 and ($2::text is null or f."clusterId" = $2)
        and (s."revokedAt" is not null or (s."expiresAt" is not null and s."expiresAt" <= now()))`,
    [orgId, clusterId ?? null],
  );
  const linked = await client.query(
    `update "Finding" f set "suppressionId" = s.id
       from "Suppression" s
      where f."orgId" = $1 and s."orgId" = f."orgId" and ($2::text is null or f."clusterId" = $2)
        and f."suppressionId" is null and s."revokedAt" is null and (s."expiresAt" is null or s."expiresAt" > now())
        and (s."findingId" is null or s."findingId" = f.id)
        and (s."clusterId" is null or s."clusterId" = f."clusterId")
        and (s."ruleId" is null or s."ruleId" = f."ruleId")
        and (s.namespace is null or s.namespace = f.namespace)
        and (s.kind is null or s.kind = f.kind)
        and (s.name is null or s.name = f.name)`,
    [orgId, clusterId ?? null],
  );
  return { released: released.rowCount ?? 0, linked: linked.rowCount ?? 0 };
};
