import "server-only";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { APISERVER_AUDIT_FLAGS, auditPolicyYaml, ingestUrl, POLICY_PATH, WEBHOOK_CONFIG_PATH, webhookKubeconfigYaml } from "@/lib/audit-config";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "../audit/record-audit";
import { getClusterInOrgOrThrow } from "../clusters/internal";
import { actorOf, hashToken, newToken } from "../internal";
import { forgetIngestToken } from "./authenticate-ingest";

/**
 * Generates (or rotates) a cluster's audit webhook token. Only its SHA-256 is stored; the token and the
 * two files that contain it are returned this once. The previous token stops working.
 */
export const rotateAuditToken = async ({ ctx, clusterId }: { ctx: Ctx; clusterId: string }) => {
  requirePermission(ctx, "clusters.write");
  const cluster = await getClusterInOrgOrThrow(ctx, clusterId);
  const token = `twa_${newToken()}`;
  const towerUrl = env().TOWER_URL ?? `http://localhost:${env().PORT}`;
  const createdAt = new Date();
  await db.$transaction(async (tx) => {
    await tx.cluster.update({ where: { id: cluster.id }, data: { auditTokenHash: hashToken(token), auditTokenCreatedAt: createdAt } });
    await recordAudit(tx, actorOf(ctx), { action: "cluster.audit_token_rotated", targetType: "cluster", targetId: cluster.id, after: { rotated: !!cluster.auditTokenHash } });
  });
  forgetIngestToken(cluster.id);
  return {
    clusterId: cluster.id,
    token,
    tokenCreatedAt: createdAt.toISOString(),
    ingestUrl: ingestUrl(towerUrl, cluster.id),
    files: {
      webhookKubeconfig: { path: WEBHOOK_CONFIG_PATH, content: webhookKubeconfigYaml({ towerUrl, clusterId: cluster.id, token }) },
      auditPolicy: { path: POLICY_PATH, content: auditPolicyYaml() },
    },
    apiserverFlags: APISERVER_AUDIT_FLAGS,
  };
};
