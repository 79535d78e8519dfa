import { parseCronItems, type TaskList } from "graphile-worker";
import { auditDetect } from "./tasks/audit.detect";
import { auditRetention } from "./tasks/audit.retention";
import { clusterScan } from "./tasks/cluster.scan";
import { clustersSchedule } from "./tasks/clusters.schedule";
import { postureSnapshot } from "./tasks/posture.snapshot";
import { reportRender } from "./tasks/report.render";
import { reportsSchedule } from "./tasks/reports.schedule";
import { systemCleanup } from "./tasks/system.cleanup";

/** Job ids are `<domain>.<verb>`; each task parses its payload with zod before doing anything. */
export const TASKS: TaskList = {
  "system.cleanup": systemCleanup,
  "cluster.scan": clusterScan,
  "clusters.schedule": clustersSchedule,
  "audit.detect": auditDetect,
  "audit.retention": auditRetention,
  "posture.snapshot": postureSnapshot,
  "report.render": reportRender,
  "reports.schedule": reportsSchedule,
};

/** Scheduled jobs (cron syntax). Cron items, not crontab text, because task ids contain dots. */
export const CRON_ITEMS = parseCronItems([
  { task: "system.cleanup", match: "17 3 * * *", identifier: "system-cleanup", options: { maxAttempts: 3, backfillPeriod: 0 } },
  { task: "clusters.schedule", match: "* * * * *", identifier: "clusters-schedule", options: { maxAttempts: 1, backfillPeriod: 0 } },
  { task: "audit.retention", match: "37 2 * * *", identifier: "audit-retention", options: { maxAttempts: 3, backfillPeriod: 0 } },
  { task: "posture.snapshot", match: "5 0 * * *", identifier: "posture-snapshot", options: { maxAttempts: 3, backfillPeriod: 0 } },
  { task: "reports.schedule", match: "*/10 * * * *", identifier: "reports-schedule", options: { maxAttempts: 1, backfillPeriod: 0 } },
]);
