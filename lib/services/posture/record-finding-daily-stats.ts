import "server-only";
import { db } from "@/lib/db";
import { addDays, isoDay, utcDay } from "./days";

const BACKFILL_DAYS = 90;

/**
 * Daily rollup per severity: opened = first seen that day, resolved = resolved that day, open = open at the end of
 * the day. Accepted risks (suppressed findings) are left out. The first run for an org backfills 90 days from the
 * findings' dates; later runs rewrite only yesterday and today, so earlier days stay as they were recorded. A finding
 * that regressed has lost its resolvedAt, so a backfill counts it as open since it was first seen.
 */
export const recordFindingDailyStats = async (orgId: string, now = new Date()) => {
  const today = utcDay(now);
  const known = await db.findingDailyStat.count({ where: { orgId } });
  const from = addDays(today, known ? -1 : -(BACKFILL_DAYS - 1));
  const end = addDays(today, 1);
  const rows = await db.$executeRaw`
    insert into "FindingDailyStat" ("orgId", day, severity, opened, resolved, open)
    select ${orgId}, d.day::date, s.sev,
           count(f.id) filter (where f."firstSeenAt" >= d.day and f."firstSeenAt" < d.day + interval '1 day')::int,
           count(f.id) filter (where f."resolvedAt" >= d.day and f."resolvedAt" < d.day + interval '1 day')::int,
           count(f.id) filter (where f."firstSeenAt" < d.day + interval '1 day' and (f."resolvedAt" is null or f."resolvedAt" >= d.day + interval '1 day'))::int
      from generate_series(${isoDay(from)}::date, ${isoDay(today)}::date, interval '1 day') as d(day)
     cross join unnest(enum_range(null::"Severity")) as s(sev)
      left join "Finding" f on f."orgId" = ${orgId} and f.severity = s.sev and f."suppressionId" is null
                           and f."firstSeenAt" < ${isoDay(end)}::timestamp and (f."resolvedAt" is null or f."resolvedAt" >= ${isoDay(from)}::timestamp)
     group by d.day, s.sev
    on conflict ("orgId", day, severity) do update set opened = excluded.opened, resolved = excluded.resolved, open = excluded.open`;
  return { days: Math.round((today.getTime() - from.getTime()) / 86_400_000) + 1, rows };
};
