"use client";

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [["year", 31_536_000], ["month", 2_592_000], ["day", 86_400], ["hour", 3_600], ["minute", 60], ["second", 1]];
const LONG = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const SHORT = new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "short" });

export const relativeTime = (iso: string, { now = Date.now(), short = false } = {}) => {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ["second", 1];
  return (short ? SHORT : LONG).format(Math.round(seconds / size), unit);
};

/** "3 minutes ago", with the exact time on hover; server and browser clocks differ, hence no hydration warning. */
export function RelativeTime({ iso, fallback = "never", short }: { iso: string | null; fallback?: string; short?: boolean }) {
  if (!iso) return <span className="muted">{fallback}</span>;
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()} suppressHydrationWarning>
      {relativeTime(iso, { short })}
    </time>
  );
}
