import type { Task } from "graphile-worker";
import { scheduleDueScans } from "@/lib/services/scans/schedule-due-scans";

/** Every minute: queue scans that are due, release expired suppressions. */
export const clustersSchedule: Task = async (_payload, helpers) => {
  const { queued } = await scheduleDueScans();
  if (queued) helpers.logger.info(`clusters.schedule queued ${queued} scan(s)`);
};
