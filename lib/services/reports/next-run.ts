import "server-only";

const RUN_HOUR_UTC = 6;

/**
 * The next run strictly after `after`: weekly on Monday at 06:00 UTC, monthly on the 1st at 06:00 UTC. Computing
 * from "now" rather than adding a period to the last due time skips missed periods instead of queueing each one.
 */
export const nextRunAfter = (cadence: "weekly" | "monthly", after: Date): Date => {
  if (cadence === "monthly") {
    const thisMonth = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), 1, RUN_HOUR_UTC));
    return thisMonth > after ? thisMonth : new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth() + 1, 1, RUN_HOUR_UTC));
  }
  const daysToMonday = (8 - after.getUTCDay()) % 7;
  const monday = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate() + daysToMonday, RUN_HOUR_UTC));
  return monday > after ? monday : new Date(monday.getTime() + 7 * 86_400_000);
};
