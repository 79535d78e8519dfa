import "server-only";
import crypto from "node:crypto";
import type pg from "pg";
import { withPgTransaction } from "@/lib/db/pool";
import type { Finding, SourcedObject } from "@/lib/scanner/types";
import { applySuppressions } from "../suppressions/apply-suppressions";
import { fingerprintOf } from "./fingerprint";
import { objectKey, storableBody } from "./inventory-body";
import { refreshFindingCounts } from "./refresh-finding-counts";

const BATCH = 1000;

/** hashBody(body) from an already serialized body. */
const hashJson = (json: string) => crypto.createHash("sha256").update(json).digest("hex");

export type ScanDelta = { objectsTotal: number; objectsAdded: number; objectsChanged: number; objectsRemoved: number; findingsTotal: number; findingsNew: number; findingsResolved: number; findingsRegressed: number };

const chunks = <T,>(list: T[]) => Array.from({ length: Math.ceil(list.length / BATCH) }, (_, i) => list.slice(i * BATCH, (i + 1) * BATCH));

const upsertInventory = async (c: pg.PoolClient, clusterId: string, scanId: string, objects: readonly SourcedObject[]) => {
  const existing = new Map<string, string>();
  for (const r of (await c.query(`select kind, namespace, name, hash from "InventoryObject" where "clusterId" = $1`, [clusterId])).rows) existing.set(`${r.kind}\u0000${r.namespace}\u0000${r.name}`, r.hash);
  let added = 0;
  let changedCount = 0;
  const seen = new Set<string>();
  // Serialized bodies live one batch at a time, so that a large cluster's JSON is never all in memory.
  let batch: Array<{ o: SourcedObject["obj"]; body: string; hash: string }> = [];
  const flush = async () => {
    if (!batch.length) return;
    const part = batch;
    batch = [];
    await c.query(
      `insert into "InventoryObject" (id, "clusterId", "apiVersion", kind, namespace, name, uid, "resourceVersion", hash, body, "lastScanId", "firstSeenAt", "updatedAt")
       select gen_random_uuid()::text, $1, t.a, t.k, t.n, t.nm, t.u, t.rv, t.h, t.b::jsonb, $2, now(), now()
         from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) as t(a, k, n, nm, u, rv, h, b)
       on conflict ("clusterId", kind, namespace, name) do update set "apiVersion" = excluded."apiVersion", uid = excluded.uid,
         "resourceVersion" = excluded."resourceVersion", hash = excluded.hash, body = excluded.body, "lastScanId" = excluded."lastScanId", "updatedAt" = now()`,
      [clusterId, scanId, part.map((p) => p.o.apiVersion ?? ""), part.map((p) => p.o.kind ?? ""), part.map((p) => p.o.metadata?.namespace ?? ""), part.map((p) => p.o.metadata?.name ?? ""),
        part.map((p) => p.o.metadata?.uid ?? null), part.map((p) => (p.o.metadata?.resourceVersion as string | undefined) ?? null), part.map((p) => p.hash), part.map((p) => p.body)],
    );
  };
  for (const { obj } of objects) {
    const key = objectKey(obj);
    if (seen.has(key)) continue;
    seen.add(key);
    // One JSON.stringify per object: the stored body and its hash (same bytes as hashBody(body)).
    const body = JSON.stringify(storableBody(obj));
    const hash = hashJson(body);
    const before = existing.get(key);
    if (before === hash) continue;
    if (before === undefined) added++;
    changedCount++;
    batch.push({ o: obj, body, hash });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  // Unchanged rows are not rewritten (most of a steady-state scan): what disappeared is the key difference.
  const gone = [...existing.keys()].filter((k) => !seen.has(k)).map((k) => k.split("\u0000"));
  let removed = 0;
  for (const part of chunks(gone)) {
    const r = await c.query(
      `delete from "InventoryObject" i using unnest($2::text[], $3::text[], $4::text[]) as t(k, n, nm) where i."clusterId" = $1 and i.kind = t.k and i.namespace = t.n and i.name = t.nm`,
      [clusterId, part.map((g) => g[0]), part.map((g) => g[1]), part.map((g) => g[2])],
    );
    removed += r.rowCount ?? 0;
  }
  return { objectsTotal: seen.size, objectsAdded: added, objectsChanged: changedCount - added, objectsRemoved: removed };
};

const upsertFindings = async (c: pg.PoolClient, orgId: string, clusterId: string, scanId: string, findings: readonly Finding[]) => {
  const existing = new Map<string, { status: string; message: string; severity: string }>();
  for (const r of (await c.query(`select fingerprint, status, message, severity from "Finding" where "clusterId" = $1`, [clusterId])).rows) existing.set(r.fingerprint, r);
  const rows = new Map<string, { f: Finding; status: string }>();
  const seen = new Set<string>();
  let created = 0;
  let regressed = 0;
  for (const f of findings) {
    const fp = fingerprintOf(clusterId, f);
    if (seen.has(fp)) continue;
    seen.add(fp);
    const before = existing.get(fp);
    const status = before === undefined ? "new" : before.status === "resolved" ? "regressed" : "open";
    if (status === "new") created++;
    if (status === "regressed") regressed++;
    // A finding still open with the same message and severity is not rewritten: a steady-state scan
    // then costs reads, not ~100k row and index updates. Its "last seen" is the cluster's last good scan.
    if (before && before.status === "open" && before.message === f.message && before.severity === f.severity) continue;
    rows.set(fp, { f, status });
  }
  for (const part of chunks([...rows.entries()])) {
    // Column arrays in one pass over the chunk (no per-row, per-column object copies).
    const cols: string[][] = Array.from({ length: 14 }, () => new Array<string>(part.length));
    part.forEach(([fp, { f, status }], i) => {
      const r = f.resource;
      const values = [fp, f.ruleId, f.ruleName, f.title, f.severity, f.theme, f.message, r.apiVersion, r.kind, r.namespace ?? "", r.name, JSON.stringify(f.evidence), f.remediation, status];
      for (let c = 0; c < 14; c++) cols[c][i] = values[c];
    });
    await c.query(
      `insert into "Finding" (id, "orgId", "clusterId", fingerprint, "ruleId", "ruleName", title, severity, theme, message, "apiVersion", kind, namespace, name, evidence, remediation, status, "firstSeenAt", "lastSeenAt", "lastScanId")
       select gen_random_uuid()::text, $1, $2, t.fp, t.rid, t.rn, t.ti, t.sev::"Severity", t.th, t.msg, t.av, t.k, t.ns, t.nm, t.ev::jsonb, t.rem, t.st::"FindingStatus", now(), now(), $3
         from unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])
           as t(fp, rid, rn, ti, sev, th, msg, av, k, ns, nm, ev, rem, st)
       on conflict ("clusterId", fingerprint) do update set status = excluded.status, "lastSeenAt" = now(), "resolvedAt" = null, "lastScanId" = excluded."lastScanId",
         message = excluded.message, severity = excluded.severity, title = excluded.title, evidence = excluded.evidence, remediation = excluded.remediation, "apiVersion" = excluded."apiVersion"`,
      [orgId, clusterId, scanId, ...cols],
    );
  }
  const gone = [...existing.entries()].filter(([fp, e]) => e.status !== "resolved" && !seen.has(fp)).map(([fp]) => fp);
  let resolved = 0;
  for (const part of chunks(gone)) {
    const r = await c.query(`update "Finding" set status = 'resolved', "resolvedAt" = now(), "lastScanId" = $3 where "clusterId" = $1 and fingerprint = any($2::text[])`, [clusterId, part, scanId]);
    resolved += r.rowCount ?? 0;
  }
  await applySuppressions(c, orgId, clusterId);
  await refreshFindingCounts(c, clusterId);
  return { findingsTotal: seen.size, findingsNew: created, findingsRegressed: regressed, findingsResolved: resolved };
};

/** Stores one scan's inventory and findings and derives what changed since the previous scan, atomically. */
export const recordScanResults = async (input: { orgId: string; clusterId: string; scanId: string; objects: readonly SourcedObject[]; findings: readonly Finding[] }): Promise<ScanDelta> =>
  withPgTransaction(async (c) => {
    // One scan of a cluster writes at a time, even with several workers.
    await c.query("select pg_advisory_xact_lock(hashtext($1))", [`scan:${input.clusterId}`]);
    const inventory = await upsertInventory(c, input.clusterId, input.scanId, input.objects);
    const findings = await upsertFindings(c, input.orgId, input.clusterId, input.scanId, input.findings);
    return { ...inventory, ...findings };
  });
