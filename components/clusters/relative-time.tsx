"use client";

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [["year", 31_536_000], ["month", 2_592_000], ["day", 86_400], ["hour", 3_600], ["minute", 60], ["second", 1]];
const FORMAT = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

export const relativeTime = (iso: string, now = Date.now()) => {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ["second", 1];
  return FORMAT.format(Math.round(seconds / size), unit);
};

/** "3 minutes ago", with the exact time on hover; server and browser clocks differ, hence no hydration warning. */
export function RelativeTime({ iso, fallback = "never" }: { iso: string | null; fallback?: string }) {
  if (!iso) return <span className="muted">{fallback}</span>;
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()} suppressHydrationWarning>
      {relativeTime(iso)}
    </time>
  );
}
