import type { Task } from "graphile-worker";
import { z } from "zod";
import { cleanupExpiredRows } from "@/lib/services/system/cleanup-expired-rows";

export const ZSystemCleanupPayload = z.object({}).passthrough();

/** Daily: drops sign-in attempts older than a day, used or expired setup links, dead heartbeats. */
export const systemCleanup: Task = async (payload, helpers) => {
  ZSystemCleanupPayload.parse(payload ?? {});
  const removed = await cleanupExpiredRows();
  helpers.logger.info(`system.cleanup removed ${JSON.stringify(removed)}`);
};
