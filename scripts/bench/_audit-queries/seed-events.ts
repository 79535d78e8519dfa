/**
 * Bulk audit events for bench:audit-queries, generated inside PostgreSQL (INSERT ... SELECT FROM
 * generate_series), in time order per cluster as ingest writes them. The table's indexes and primary key
 * are dropped for the load and rebuilt after it (a sorted build is several times cheaper than maintaining
 * them row by row); the definitions are read back from the catalog, so the schema ends as migrated. As
 * ingest stores them, every stage of a request has the request's time (requestReceivedTimestamp) as ts.
 */
import type pg from "pg";
import { dayKeysOf, ensurePartitions } from "../../../lib/ingest/partitions";
import { benchPrincipals, CLUSTER_SCOPED, NAMESPACES } from "./principals";

const DAY_MS = 86_400_000;

const API_GROUPS: Record<string, string> = {
  deployments: "apps", replicasets: "apps", statefulsets: "apps", daemonsets: "apps", leases: "coordination.k8s.io", endpointslices: "discovery.k8s.io",
  jobs: "batch", ingresses: "networking.k8s.io", rolebindings: "rbac.authorization.k8s.io", clusterrolebindings: "rbac.authorization.k8s.io",
  applications: "argoproj.io", csinodes: "storage.k8s.io",
};

const INSERT = `
with req as (
  select gen_random_uuid()::text as audit_id, $2::timestamptz + ((g + random()) / $3::float8) * ($4::float8 * interval '1 millisecond') as ts,
         width_bucket(random(), $5::float8[]) as pi, random() as rv, random() as rr, random() as rn, random() as ro, random() as rd, random() as rl
    from generate_series(0, $3::int - 1) g offset 0
), ev as (
  select req.audit_id, req.ts, p.username, p.kind, p.ip, p.ua, rn, ro, rl, rd < p.deny_rate as denied,
         p.verbs[1 + floor(rv * cardinality(p.verbs))::int] as verb, p.resources[1 + floor(rr * cardinality(p.resources))::int] as res_full
    from req join bench_principals p on p.idx = req.pi offset 0
), e as (
  select ev.*, split_part(res_full, '/', 1) as res, nullif(split_part(res_full, '/', 2), '') as sub,
         case when res_full = any($6::text[]) then null else ($7::text[])[1 + floor(rn * cardinality($7::text[]))::int] end as ns,
         case when verb in ('list', 'watch') then null when res_full like 'nodes%' then 'node-' || lpad((1 + floor(ro * 20))::int::text, 2, '0')
              else split_part(res_full, '/', 1) || '-' || floor(ro * ro * 300)::int end as obj,
         ($8::jsonb ->> split_part(res_full, '/', 1)) as api_group,
         (verb = 'watch' or res_full in ('pods/exec', 'pods/log', 'nodes/proxy')) and not ev.denied as long_running
    from ev
), s as (
  select e.*, st.stage, st.t,
         case when e.denied then 403 when e.sub = 'exec' then 101 when e.verb = 'create' then 201 else 200 end as code
    from e cross join lateral (values ('ResponseStarted', e.ts), ('ResponseComplete', least(e.ts + case when e.long_running then e.rl * interval '10 minutes' else interval '3 milliseconds' end, $9::timestamptz))) st(stage, t)
   where st.stage = 'ResponseComplete' or e.long_running
)
insert into audit_events (cluster_id, audit_id, stage, ts, received_at, verb, username, source_ip, user_agent, resource, subresource, namespace, name, api_group, code, decision, raw)
select $1, audit_id, stage, ts, t, verb, username, ip, ua, res, sub, ns, obj, api_group, code, case when denied then 'forbid' else 'allow' end,
       json_build_object(
         'kind', 'Event', 'apiVersion', 'audit.k8s.io/v1', 'level', case when verb in ('create', 'update', 'patch') and res not in ('secrets', 'configmaps') then 'Request' else 'Metadata' end,
         'auditID', audit_id, 'stage', stage,
         'requestURI', case when api_group is null then '/api/v1' else '/apis/' || api_group || '/v1' end || coalesce('/namespaces/' || ns, '') || '/' || res || coalesce('/' || obj, '') || coalesce('/' || sub, '') || case when verb = 'watch' then '?watch=true' else '' end,
         'verb', verb,
         'user', json_build_object('username', username, 'groups', case kind when 'human' then json_build_array('devs', 'system:authenticated') when 'node' then json_build_array('system:nodes', 'system:authenticated') else json_build_array('system:serviceaccounts', 'system:authenticated') end),
         'sourceIPs', json_build_array(ip), 'userAgent', ua,
         'objectRef', json_strip_nulls(json_build_object('resource', res, 'subresource', sub, 'namespace', ns, 'name', obj, 'apiGroup', api_group, 'apiVersion', 'v1')),
         'responseStatus', json_build_object('metadata', json_build_object(), 'code', code),
         'requestReceivedTimestamp', to_char(ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
         'stageTimestamp', to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
         'annotations', json_build_object('authorization.k8s.io/decision', case when denied then 'forbid' else 'allow' end, 'authorization.k8s.io/reason', case when denied then '' else 'RBAC: allowed by ClusterRoleBinding of ClusterRole' end))
  from s`;

const loadPrincipals = async (pool: pg.Pool) => {
  const principals = benchPrincipals();
  await pool.query("create unlogged table bench_principals (idx int primary key, username text, kind text, verbs text[], resources text[], deny_rate float8, ip text, ua text)");
  for (const [i, p] of principals.entries()) {
    await pool.query("insert into bench_principals values ($1, $2, $3, $4, $5, $6, $7, $8)", [i + 1, p.username, p.kind, p.verbs, p.resources, p.denyRate, p.ip, p.ua]);
  }
  const total = principals.reduce((n, p) => n + p.weight, 0);
  let acc = 0;
  return principals.map((p) => ((acc += p.weight), (acc - p.weight) / total));
};

/** Drops the secondary indexes and the primary key of audit_events; returns the statements that rebuild them. */
const dropIndexes = async (pool: pg.Pool) => {
  const defs = (await pool.query<{ def: string; name: string }>(`select indexdef as def, indexname as name from pg_indexes where tablename = 'audit_events' and indexname <> 'audit_events_pkey'`)).rows;
  const pk = (await pool.query<{ def: string }>(`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'audit_events_pkey'`)).rows[0].def;
  for (const d of defs) await pool.query(`drop index ${d.name}`);
  await pool.query("alter table audit_events drop constraint audit_events_pkey");
  // The catalog spells a partitioned index "ON ONLY" the parent; without it, the build covers every partition.
  return [`alter table audit_events add constraint audit_events_pkey ${pk}`, ...defs.map((d) => d.def.replace(" ON ONLY ", " ON "))];
};

export type SeededEvents = { events: number; insertMs: number; indexMs: number; from: Date; to: Date };

/** `count` events over `days` days ending at `now`, split evenly across `clusterIds`; two clusters load at a time. */
export const seedEvents = async (pool: pg.Pool, opts: { clusterIds: string[]; count: number; days: number; now: Date; log: (m: string) => void }): Promise<SeededEvents> => {
  const to = opts.now;
  const from = new Date(to.getTime() - opts.days * DAY_MS);
  await ensurePartitions(pool, dayKeysOf(Array.from({ length: opts.days + 2 }, (_, i) => from.getTime() + i * DAY_MS)));
  const thresholds = await loadPrincipals(pool);
  const rebuild = await dropIndexes(pool);
  let t = performance.now();
  // Long-running requests (watch, exec, logs) store two stages; about 1.1 rows per request.
  const perCluster = Math.round(opts.count / opts.clusterIds.length / 1.1);
  const queue = [...opts.clusterIds];
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const started = performance.now();
      const r = await pool.query(INSERT, [id, from, perCluster, opts.days * DAY_MS, thresholds, CLUSTER_SCOPED, NAMESPACES, JSON.stringify(API_GROUPS), to]);
      opts.log(`  cluster ${id}: ${r.rowCount} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  };
  await Promise.all([worker(), worker()]);
  const insertMs = performance.now() - t;
  t = performance.now();
  const c = await pool.connect();
  try {
    await c.query("set maintenance_work_mem = '1GB'");
    for (const sql of rebuild) await c.query(sql);
  } finally {
    c.release();
  }
  await pool.query("drop table bench_principals");
  const events = Number((await pool.query("select count(*) from audit_events")).rows[0].count);
  return { events, insertMs, indexMs: performance.now() - t, from, to };
};

/** AuditRollupHourly as ingest would have written it for those events (stage rows per hour and verb). */
export const seedRollups = (pool: pg.Pool) =>
  pool.query(`insert into "AuditRollupHourly" ("clusterId", hour, verb, events, denied)
    select cluster_id, date_trunc('hour', ts at time zone 'UTC'), verb, count(*), count(*) filter (where code in (401, 403) or decision = 'forbid') from audit_events group by 1, 2, 3`);
