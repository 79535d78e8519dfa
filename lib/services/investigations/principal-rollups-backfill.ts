import "server-only";
import type pg from "pg";

const valuesInsert = (table: string, start: string, seconds: number) => {
  const startOf = `to_timestamp(floor(extract(epoch from ts) / ${seconds}) * ${seconds})`;
  return `insert into "${table}" ("clusterId", username, ${start}, kind, verb, value, requests, first, last)
   select cluster_id, username, ${startOf}, 'pair', verb, resource, count(*), min(ts), max(ts) from principal_requests group by 1, 2, 3, 5, 6
   union all
   select cluster_id, username, ${startOf}, 'source_ip', '', source_ip, count(*), min(ts), max(ts) from principal_requests where source_ip is not null group by 1, 2, 3, 6
   union all
   select cluster_id, username, ${startOf}, 'user_agent', '', user_agent, count(*), min(ts), max(ts) from principal_requests where user_agent is not null group by 1, 2, 3, 6`;
};

const STATEMENTS = [
  `create temp table principal_requests on commit drop as
   select e.cluster_id, e.audit_id, e.ts, min(e.username) as username, min(e.verb) as verb,
          min(coalesce(e.resource || coalesce('/' || e.subresource, ''), '')) as resource, min(e.source_ip) as source_ip, min(e.user_agent) as user_agent,
          bool_or(coalesce(e.code >= 400 or e.decision = 'forbid', false)) as denied
     from audit_events e join "AuditDetectionState" s on s."clusterId" = e.cluster_id and e.seq <= s."cursorSeq"
    group by 1, 2, 3`,
  `insert into "AuditPrincipalBucket" ("clusterId", username, bucket, requests, denied)
   select cluster_id, username, to_timestamp(floor(extract(epoch from ts) / 300) * 300), count(*), count(*) filter (where denied)
     from principal_requests group by 1, 2, 3`,
  valuesInsert("AuditPrincipalHourly", "hour", 3600),
  valuesInsert("AuditPrincipalDaily", "day", 86_400),
];

/**
 * The principal rollups of every processed event (seq <= its cluster's cursor), computed from audit_events in
 * SQL: for events the detection worker processed before the rollups existed, and as the reference the
 * worker's chunk-by-chunk counts are tested against. Expects empty rollup tables;
 * runs in its own transaction on the given client.
 */
export const backfillPrincipalRollups = async (c: pg.ClientBase) => {
  await c.query("begin");
  try {
    for (const sql of STATEMENTS) await c.query(sql);
    await c.query("commit");
  } catch (err) {
    await c.query("rollback");
    throw err;
  }
};
