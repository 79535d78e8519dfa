/**
 * Bulk seeding for the findings-explorer part of `npm run bench:collect`: `clusters` synthetic clusters and
 * `count` findings spread over them with one INSERT ... SELECT FROM generate_series per cluster (no per-row
 * round trips). The mix is deterministic and shaped like a real fleet: every rule of RULES with a skewed
 * frequency (a few noisy rules produce most findings), its own severity/theme/title/remediation, ~100
 * namespaces per cluster, workloads named like the generator's, statuses 15% new / 57% open / 20% resolved /
 * 8% regressed, first seen over the last 90 days, and 5% linked to one of 20 active suppressions. Each cluster's
 * "FindingCount" rows are then written as a scan writes them.
 */
import type pg from "pg";
import { RULES } from "../../../lib/scanner/rules";
import { refreshFindingCounts } from "../../../lib/services/scans/refresh-finding-counts";

const TEAMS = ["payments", "checkout", "search", "identity", "catalog", "ledger", "notify", "media", "ml", "platform"];
const APPS = ["api", "worker", "web", "gateway", "sync", "indexer", "scheduler", "cache", "frontend", "consumer"];
const KINDS: Array<[string, string, number]> = [
  ["Deployment", "apps/v1", 0.35], ["Pod", "v1", 0.15], ["StatefulSet", "apps/v1", 0.05], ["DaemonSet", "apps/v1", 0.03], ["CronJob", "batch/v1", 0.04],
  ["Job", "batch/v1", 0.03], ["Service", "v1", 0.08], ["Role", "rbac.authorization.k8s.io/v1", 0.05], ["RoleBinding", "rbac.authorization.k8s.io/v1", 0.05],
  ["ClusterRoleBinding", "rbac.authorization.k8s.io/v1", 0.02], ["Namespace", "v1", 0.05], ["Ingress", "networking.k8s.io/v1", 0.04], ["ConfigMap", "v1", 0.03],
  ["ServiceAccount", "v1", 0.03],
];
export const SEED_NAMESPACES = Array.from({ length: 100 }, (_, i) => `${TEAMS[i % TEAMS.length]}-${Math.floor(i / TEAMS.length)}`);

export type Seeded = { clusterIds: string[]; suppressionIds: string[]; inserted: number; ms: number };

export const seedFindings = async (pool: pg.Pool, opts: { orgId: string; clusters: number; count: number; log: (m: string) => void }): Promise<Seeded> => {
  const t = performance.now();
  const clusterIds: string[] = [];
  for (let i = 0; i < opts.clusters; i++) {
    const id = `bench-fleet-${i}`;
    await pool.query(
      `insert into "Cluster" (id, "orgId", name, environment, server, status, "updatedAt", "lastScanAt", "lastGoodScanAt") values ($1, $2, $3, $4, $5, 'ok', now(), now(), now())`,
      [id, opts.orgId, `fleet-${["prod", "staging", "dev"][i % 3]}-${i}`, ["prod", "staging", "dev"][i % 3], `https://10.0.${i}.1:6443`],
    );
    clusterIds.push(id);
  }
  // Rules weighted towards the first (noisy) ones: index = floor(n * u^2).
  const rules = RULES.map((r) => ({ id: r.id, name: r.name, title: r.title, severity: r.severity, theme: r.theme, remediation: r.remediation }));
  const suppressionIds: string[] = [];
  for (let i = 0; i < 20; i++) {
    const r = rules[i * 3 % rules.length];
    const id = `bench-supp-${i}`;
    await pool.query(`insert into "Suppression" (id, "orgId", scope, "clusterId", "ruleId", reason) values ($1, $2, 'rule', $3, $4, $5)`, [id, opts.orgId, clusterIds[i % clusterIds.length], r.id, `accepted risk ${i}`]);
    suppressionIds.push(id);
  }
  const kindCum: number[] = [];
  KINDS.reduce((s, [, , share]) => (kindCum.push(s + share), s + share), 0);
  const perCluster = Math.ceil(opts.count / opts.clusters);
  let inserted = 0;
  for (const [ci, clusterId] of clusterIds.entries()) {
    const n = Math.min(perCluster, opts.count - inserted);
    if (n <= 0) break;
    const t1 = performance.now();
    const res = await pool.query(
      `with g as (
         select g, $2::int as salt,
                (hashint4(g * 7 + $2) & 2147483647)::float8 / 2147483648 as u_rule,
                (hashint4(g * 11 + $2) & 2147483647)::float8 / 2147483648 as u_status,
                (hashint4(g * 13 + $2) & 2147483647)::float8 / 2147483648 as u_kind,
                (hashint4(g * 17 + $2) & 2147483647) as h
           from generate_series(1, $3::int) g
       ), x as (
         select g.*, 1 + floor(g.u_rule * g.u_rule * $5::int)::int as ri,
                (select count(*) from unnest($14::float8[]) c where c < g.u_kind)::int + 1 as ki,
                ($15::text[])[1 + g.h % 100] as ns,
                ($16::text[])[1 + (g.h / 100) % 10] || '-' || ((g.h / 1000) % 400) as wl
           from g
       )
       insert into "Finding" (id, "orgId", "clusterId", fingerprint, "ruleId", "ruleName", title, severity, theme, message, "apiVersion", kind, namespace, name,
                              evidence, remediation, status, "firstSeenAt", "lastSeenAt", "resolvedAt", "lastScanId", "suppressionId")
       select gen_random_uuid()::text, $1, $4, md5($4 || ':' || x.g),
              ($6::text[])[x.ri], ($7::text[])[x.ri], ($8::text[])[x.ri], ($9::text[])[x.ri]::"Severity", ($10::text[])[x.ri],
              ($8::text[])[x.ri] || ': ' || ($12::text[])[x.ki] || ' ' || x.ns || '/' || x.wl || case when x.g % 3 = 0 then ', container ''app''' else '' end,
              ($13::text[])[x.ki], ($12::text[])[x.ki], x.ns, x.wl,
              jsonb_build_array(jsonb_build_object('path', 'spec.template.spec.containers[' || (x.g % 3) || '].securityContext', 'value', x.g % 2 = 0)),
              ($11::text[])[x.ri],
              (case when x.u_status < 0.15 then 'new' when x.u_status < 0.72 then 'open' when x.u_status < 0.92 then 'resolved' else 'regressed' end)::"FindingStatus",
              now() - make_interval(secs => (x.h % 7776000)), now() - make_interval(secs => (x.h % 86400)),
              case when x.u_status >= 0.72 and x.u_status < 0.92 then now() - make_interval(secs => (x.h % 86400)) end,
              'bench-scan-' || $2,
              case when x.u_status < 0.92 and x.h % 20 = 0 then ($17::text[])[1 + (x.h / 20) % 20] end
         from x`,
      [opts.orgId, ci, n, clusterId, rules.length, rules.map((r) => r.id), rules.map((r) => r.name), rules.map((r) => r.title), rules.map((r) => r.severity), rules.map((r) => r.theme), rules.map((r) => r.remediation),
        KINDS.map(([k]) => k), KINDS.map(([, a]) => a), kindCum.slice(0, -1), SEED_NAMESPACES, APPS, suppressionIds],
    );
    inserted += res.rowCount ?? 0;
    // What a scan's persist does after writing the cluster's findings.
    await refreshFindingCounts(pool, clusterId);
    opts.log(`seeded ${inserted} findings (cluster ${ci + 1}/${clusterIds.length}, ${((performance.now() - t1) / 1000).toFixed(1)} s)`);
  }
  return { clusterIds, suppressionIds, inserted, ms: performance.now() - t };
};
