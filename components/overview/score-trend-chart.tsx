"use client";

import { CartesianGrid, LabelList, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export const shortDay = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });

/** Score per day; labels on the first, last, lowest and highest points so the line reads without hovering. */
export function ScoreTrendChart({ points, days }: { points: Array<{ day: string; score: number }>; days: number }) {
  if (!points.length) return <p className="muted">No history yet: a snapshot is stored after each scan and every night.</p>;
  const scores = points.map((p) => p.score);
  const marked = new Set([0, points.length - 1, scores.indexOf(Math.min(...scores)), scores.indexOf(Math.max(...scores))]);
  const data = points.map((p, i) => ({ ...p, label: marked.has(i) ? p.score.toFixed(1) : "" }));
  return (
    <figure className="ov-chart" data-testid="score-trend" aria-label={`Fleet score over the last ${days} days`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 22, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={shortDay} stroke="var(--muted)" fontSize={12} minTickGap={24} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} stroke="var(--muted)" fontSize={12} width={36} />
          <Tooltip labelFormatter={(v) => shortDay(String(v))} contentStyle={{ background: "var(--panel)", border: "1px solid var(--border)", color: "var(--text)" }} />
          <Line type="monotone" dataKey="score" name="Score" stroke="var(--accent)" strokeWidth={2} dot={{ r: points.length > 40 ? 0 : 3 }} isAnimationActive={false}>
            <LabelList dataKey="label" position="top" fill="var(--text)" fontSize={12} fontWeight={700} />
          </Line>
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="inv-legend"><span><span className="ov-swatch" style={{ background: "var(--accent)" }} /> fleet score per day (0–100), {points.length} day(s) recorded</span></figcaption>
    </figure>
  );
}
