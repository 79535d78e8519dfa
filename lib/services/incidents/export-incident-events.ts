import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { db, getPool } from "@/lib/db";
import { recordAudit } from "../audit/record-audit";
import { EVENT_COLUMNS, scopeWhere, type TEventRow } from "../investigations/event-scope";
import { actorOf } from "../internal";
import { getIncidentInOrgOrThrow, incidentWindow } from "./incident-scope";

export const ZExportQuery = z.object({ format: z.enum(["jsonl", "csv"]).default("jsonl") });

const PAGE = 2000;
const MAX_ROWS = 100_000;
const CSV_COLUMNS = ["ts", "cluster_id", "audit_id", "stage", "verb", "username", "source_ip", "user_agent", "namespace", "resource", "subresource", "name", "api_group", "code", "decision"] as const;

// A cell that a spreadsheet would evaluate as a formula is prefixed with a quote.
const csvCell = (v: unknown) => {
  let s = v instanceof Date ? v.toISOString() : v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const csvLine = (r: TEventRow) => `${CSV_COLUMNS.map((c) => csvCell(r[c])).join(",")}\r\n`;

/**
 * The principal's events over the incident's window (every stored stage), streamed in pages of 2,000 and
 * bounded at 100,000 rows. JSON lines carry the raw events as received, so `tower` can analyse them again.
 */
export const exportIncidentEvents = async ({ ctx, incidentId, input }: { ctx: Ctx; incidentId: string; input: z.input<typeof ZExportQuery> }) => {
  requirePermission(ctx, "investigations.read");
  const { format } = ZExportQuery.parse(input);
  const incident = await getIncidentInOrgOrThrow(ctx, incidentId);
  await recordAudit(db, actorOf(ctx), { action: "incident.export", targetType: "incident", targetId: incident.id, after: { format } });
  const { where, params } = scopeWhere({ clusterIds: [incident.clusterId], username: incident.principal, ...incidentWindow(incident) });
  const pool = getPool();
  const encoder = new TextEncoder();
  let cursor: { ts: string; seq: string } | null = null;
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === "csv") controller.enqueue(encoder.encode(`${CSV_COLUMNS.join(",")}\r\n`));
    },
    async pull(controller) {
      const after = cursor ? `and (ts, seq) > ($${params.length + 1}::timestamptz, $${params.length + 2}::bigint)` : "";
      const r = await pool.query<TEventRow & { seq: string; ts_key: string; raw: string }>(
        `select seq, ts::text as ts_key, ${EVENT_COLUMNS}, raw::text as raw from audit_events where ${where} ${after} order by ts, seq limit ${Math.min(PAGE, MAX_ROWS - sent)}`,
        cursor ? [...params, cursor.ts, cursor.seq] : params,
      );
      const rows = r.rows;
      if (rows.length) {
        const text = rows.map((row) => (format === "csv" ? csvLine(row) : `${row.raw.includes("\n") ? JSON.stringify(JSON.parse(row.raw)) : row.raw}\n`)).join("");
        controller.enqueue(encoder.encode(text));
        sent += rows.length;
        cursor = { ts: rows.at(-1)!.ts_key, seq: rows.at(-1)!.seq };
      }
      if (rows.length < PAGE || sent >= MAX_ROWS) controller.close();
    },
  });
  const filename = `incident-${incident.id}.${format}`;
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
};
