import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { TRawEvent } from "@/lib/client/investigations";
import { getPool } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { resolveOrgClusters } from "./cluster-scope";

export const ZRawEventQuery = z.object({
  cluster: z.string().min(1).max(64),
  stage: z.enum(["RequestReceived", "ResponseStarted", "ResponseComplete", "Panic"]).optional(),
});

/** The event exactly as the API server sent it. Without a stage, the most complete stage stored. */
export const getRawEvent = async ({ ctx, auditId, input }: { ctx: Ctx; auditId: string; input: z.input<typeof ZRawEventQuery> }): Promise<TRawEvent> => {
  requirePermission(ctx, "investigations.read");
  const q = ZRawEventQuery.parse(input);
  const [cluster] = await resolveOrgClusters(ctx, q.cluster);
  const r = await getPool().query<{ stage: string; ts: Date; raw: string }>(
    `select stage, ts, raw::text as raw from audit_events where cluster_id = $1 and audit_id = $2 and ($3::text is null or stage = $3)
      order by case stage when 'ResponseComplete' then 0 when 'ResponseStarted' then 1 when 'Panic' then 2 else 3 end limit 1`,
    [cluster.id, auditId, q.stage ?? null],
  );
  const row = r.rows[0];
  if (!row) throw new NotFoundError("Audit event");
  return { clusterId: cluster.id, auditId, stage: row.stage, ts: row.ts.toISOString(), raw: JSON.parse(row.raw) };
};
