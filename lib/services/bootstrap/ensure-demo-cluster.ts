import "server-only";
import { sealKubeconfig } from "@/lib/clusters/vault";
import { db } from "@/lib/db";
import { enqueueJob } from "../jobs/enqueue-job";

export const DEMO_CLUSTER_NAME = "demo-shop";

/**
 * `npm run demo`: onboards the simulated cluster into the first organization, marked as demo data.
 * The simulator makes a new CA and token at every start, so the credential is replaced each time.
 */
export const ensureDemoCluster = async (kubeconfig: string, server: string) => {
  const org = await db.organization.findFirst({ orderBy: { createdAt: "asc" } });
  if (!org) return null;
  const sealed = sealKubeconfig(kubeconfig);
  return db.$transaction(async (tx) => {
    const existing = await tx.cluster.findUnique({ where: { orgId_name: { orgId: org.id, name: DEMO_CLUSTER_NAME } } });
    const cluster = existing
      ? await tx.cluster.update({ where: { id: existing.id }, data: { server, isDemo: true, credential: { upsert: { create: sealed, update: sealed } } } })
      : await tx.cluster.create({ data: { orgId: org.id, name: DEMO_CLUSTER_NAME, environment: "prod", ownerTeam: "web-shop (demo)", server, isDemo: true, contextName: "tower-sim", credential: { create: sealed } } });
    const scan = await tx.scanRun.create({ data: { orgId: org.id, clusterId: cluster.id, trigger: "demo" } });
    await enqueueJob(tx, "cluster.scan", { clusterId: cluster.id, scanId: scan.id }, { jobKey: `cluster.scan:${cluster.id}` });
    return cluster;
  });
};

export const hasDemoData = async (orgId: string) => (await db.cluster.count({ where: { orgId, isDemo: true } })) > 0;
