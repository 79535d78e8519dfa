import type { Task } from "graphile-worker";
import { z } from "zod";
import { runPostureSnapshot } from "@/lib/services/posture/run-posture-snapshot";

export const ZPostureSnapshotPayload = z.object({ orgId: z.string().min(1).optional() }).passthrough();

/** Daily for every org, and after each successful scan for its org: today's posture rows and finding rollups. */
export const postureSnapshot: Task = async (payload, helpers) => {
  const { orgId } = ZPostureSnapshotPayload.parse(payload ?? {});
  const result = await runPostureSnapshot({ orgId });
  helpers.logger.info(`posture.snapshot ${orgId ?? "all orgs"}: ${JSON.stringify(result)}`);
};
