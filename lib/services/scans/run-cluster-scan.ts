import "server-only";
import { collectCluster, ClusterAccessError } from "@/lib/clusters/collect";
import { unsealKubeconfig } from "@/lib/clusters/vault";
import { db } from "@/lib/db";
import { RULES } from "@/lib/scanner/rules";
import { scan } from "@/lib/scanner/scan";
import { enqueuePostureSnapshot } from "../posture/run-posture-snapshot";
import { recordScanResults } from "./record-scan-results";

const STATUS_BY_REASON: Record<string, "unreachable" | "tls_error" | "unauthorized" | "error"> = {
  unreachable: "unreachable",
  timeout: "unreachable",
  tls: "tls_error",
  unauthorized: "unauthorized",
  forbidden: "unauthorized",
};

const PROGRESS_EVERY_MS = 750;

/**
 * One scan of one cluster, as the `cluster.scan` job runs it: read the cluster page by page, run every
 * rule, store inventory and findings, and leave a clear status. Access problems (unreachable, TLS,
 * expired credentials) end the scan with a reason, not an exception: the next scheduled scan retries.
 */
export const runClusterScan = async ({ clusterId, scanId }: { clusterId: string; scanId?: string }) => {
  const cluster = await db.cluster.findUnique({ where: { id: clusterId }, include: { credential: true } });
  if (!cluster?.credential) return { skipped: "cluster or credential gone" };
  const run = scanId
    ? await db.scanRun.update({ where: { id: scanId }, data: { status: "running", startedAt: new Date() } })
    : await db.scanRun.create({ data: { orgId: cluster.orgId, clusterId, status: "running", startedAt: new Date() } });
  const progress = { phase: "collecting", resources: 0, objects: 0, current: "" };
  let lastWrite = 0;
  const writeProgress = async (force = false) => {
    if (!force && Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = Date.now();
    await db.scanRun.update({ where: { id: run.id }, data: { progress } }).catch(() => {});
  };
  try {
    const collected = await collectCluster({
      kubeconfig: unsealKubeconfig(cluster.credential),
      allowLocalFiles: false,
      onProgress: (p) => {
        if (p.resource !== progress.current) progress.resources++;
        progress.current = p.resource;
        progress.objects += p.objects;
        void writeProgress();
      },
    });
    progress.phase = "scanning";
    await writeProgress(true);
    const result = scan({ objects: collected.objects, facts: collected.facts, now: new Date(), rules: RULES });
    progress.phase = "storing";
    await writeProgress(true);
    const delta = await recordScanResults({ orgId: cluster.orgId, clusterId, scanId: run.id, objects: collected.objects, findings: result.findings });
    const gaps = collected.coverage.filter((c) => c.status !== "ok");
    await db.$transaction([
      db.scanRun.update({ where: { id: run.id }, data: { status: "succeeded", finishedAt: new Date(), coverage: collected.coverage, progress: { ...progress, phase: "done" }, rulesRun: result.stats.rulesTargeted, ...delta } }),
      db.cluster.update({
        where: { id: clusterId },
        data: { status: gaps.length ? "degraded" : "ok", statusReason: gaps.length ? `${gaps.length} resource type(s) could not be read` : null, lastScanAt: new Date(), lastGoodScanAt: new Date(), serverVersion: collected.facts.serverVersion?.gitVersion ?? null, coverage: collected.coverage },
      }),
    ]);
    await enqueuePostureSnapshot(cluster.orgId);
    return { scanId: run.id, ...delta };
  } catch (err) {
    const reason = err instanceof ClusterAccessError ? err.reason : "error";
    const message = err instanceof Error ? err.message : String(err);
    await db.$transaction([
      db.scanRun.update({ where: { id: run.id }, data: { status: "failed", finishedAt: new Date(), error: message.slice(0, 2000), progress: { ...progress, phase: "failed" } } }),
      db.cluster.update({ where: { id: clusterId }, data: { status: STATUS_BY_REASON[reason] ?? "error", statusReason: message.slice(0, 500), lastScanAt: new Date() } }),
    ]);
    if (!(err instanceof ClusterAccessError)) throw err;
    return { scanId: run.id, failed: reason };
  }
};
