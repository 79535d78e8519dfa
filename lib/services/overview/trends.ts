import "server-only";
import { db } from "@/lib/db";
import { SEVERITIES, type Severity } from "@/lib/scanner/types";
import { addDays, isoDay, utcDay } from "../posture/days";

type Counts = Record<Severity, number>;
const zero = (): Counts => ({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });

/** Fleet score per day from the stored snapshots; today's point is the live score, so the line ends where the number is. */
export const scoreTrend = async (orgId: string, framework: string, days: number, now: Date, liveScore: number | null) => {
  const from = addDays(utcDay(now), -(days - 1));
  const rows = await db.postureSnapshot.findMany({ where: { orgId, clusterId: "", framework, day: { gte: from } }, orderBy: { day: "asc" }, select: { day: true, score: true, failed: true, passed: true, partial: true } });
  const points = rows.map((r) => ({ day: isoDay(r.day), score: r.score, pass: r.passed, fail: r.failed, partial: r.partial }));
  const today = isoDay(now);
  if (liveScore !== null) {
    const last = points.at(-1);
    if (last?.day === today) last.score = liveScore;
    else points.push({ day: today, score: liveScore, pass: 0, fail: 0, partial: 0 });
  }
  return points;
};

/**
 * New and resolved findings per severity from the daily rollups: one bucket per day over 30 days, one per week over
 * 90 (13 bars stay readable with their labels). Buckets end today.
 */
export const findingsTrend = async (orgId: string, days: number, now: Date) => {
  const today = utcDay(now);
  const from = addDays(today, -(days - 1));
  const rows = await db.findingDailyStat.findMany({ where: { orgId, day: { gte: from } }, select: { day: true, severity: true, opened: true, resolved: true } });
  const size = days > 31 ? 7 : 1;
  const count = Math.ceil(days / size);
  const buckets = Array.from({ length: count }, (_, i) => {
    const end = addDays(today, -(count - 1 - i) * size);
    const start = addDays(end, -(size - 1));
    return { start: isoDay(start), end: isoDay(end), opened: zero(), resolved: zero() };
  });
  const totals = { opened: zero(), resolved: zero() };
  for (const r of rows) {
    const offset = Math.round((today.getTime() - utcDay(r.day).getTime()) / 86_400_000);
    const b = buckets[count - 1 - Math.floor(offset / size)];
    if (!b) continue;
    b.opened[r.severity] += r.opened;
    b.resolved[r.severity] += r.resolved;
    totals.opened[r.severity] += r.opened;
    totals.resolved[r.severity] += r.resolved;
  }
  return { bucketDays: size, buckets, totals, recorded: rows.length > 0 };
};
