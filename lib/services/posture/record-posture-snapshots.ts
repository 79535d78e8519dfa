import "server-only";
import type { FrameworkAssessment } from "@/lib/compliance/assess";
import { FRAMEWORKS } from "@/lib/compliance/frameworks";
import { db } from "@/lib/db";
import { emptyCounts, openCountsByCluster } from "../clusters/list-clusters";
import type { TSeverityCounts } from "../clusters/serialize";
import { assessBasis } from "./assess-basis";
import { utcDay } from "./days";
import { basisForCluster, loadScopeBasis } from "./scope-basis";

const sumCounts = (all: Iterable<TSeverityCounts>) => {
  const total = emptyCounts();
  for (const c of all) for (const k of Object.keys(total) as Array<keyof TSeverityCounts>) total[k] += c[k];
  return total;
};

const fields = (a: FrameworkAssessment, open: TSeverityCounts) => ({
  score: a.score,
  passed: a.summary.pass,
  failed: a.summary.fail,
  partial: a.summary.partial,
  notAssessed: a.summary["not-assessable"] + a.summary["not-applicable"],
  openBySeverity: open,
});

/**
 * Today's posture of the fleet (clusterId "") and of each scanned cluster, for every framework. Upserts on
 * (org, cluster, framework, day): running it again the same day replaces that day's rows, never adds to them.
 */
export const recordPostureSnapshots = async (orgId: string, now = new Date()) => {
  const day = utcDay(now);
  const basis = await loadScopeBasis(orgId, { now });
  const scanned = basis.clusters.filter((c) => c.scanned);
  if (!scanned.length) return { snapshots: 0 };
  const open = await openCountsByCluster(orgId);
  const rows: Array<{ clusterId: string; framework: string } & ReturnType<typeof fields>> = [];
  for (const fw of Object.values(FRAMEWORKS)) {
    rows.push({ clusterId: "", framework: fw.key, ...fields(assessBasis(basis, fw, now).assessment, sumCounts(scanned.map((c) => open.get(c.id) ?? emptyCounts()))) });
    for (const c of scanned) rows.push({ clusterId: c.id, framework: fw.key, ...fields(assessBasis(basisForCluster(basis, c.id), fw, now).assessment, open.get(c.id) ?? emptyCounts()) });
  }
  await db.$transaction(
    rows.map(({ clusterId, framework, ...data }) =>
      db.postureSnapshot.upsert({ where: { orgId_clusterId_framework_day: { orgId, clusterId, framework, day } }, create: { orgId, clusterId, framework, day, ...data }, update: data }),
    ),
  );
  return { snapshots: rows.length };
};
