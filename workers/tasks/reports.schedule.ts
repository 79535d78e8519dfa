import type { Task } from "graphile-worker";
import { queueDueSchedules } from "@/lib/services/reports/queue-due-schedules";

/** Every 10 minutes: queue the reports of due schedules and move their next run on. */
export const reportsSchedule: Task = async (_payload, helpers) => {
  const { queued } = await queueDueSchedules();
  if (queued) helpers.logger.info(`reports.schedule queued ${queued} report(s)`);
};
