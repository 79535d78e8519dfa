"use client";

import { Bar, CartesianGrid, ComposedChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TSeverity, TTimeline } from "@/lib/client/investigations";
import { fmtClock, fmtTime } from "./format";

export type TMarker = { id: string; label: string; title: string; severity: TSeverity; t: number };

const SEV_COLOR: Record<TSeverity, string> = { critical: "var(--sev-critical)", high: "var(--sev-high)", medium: "var(--sev-medium)", low: "var(--sev-low)", info: "var(--sev-info)" };

/** Requests per bucket (allowed and denied stacked) with a vertical line where each detection fired. */
export function EventTimelineChart({ timeline, markers = [] }: { timeline: TTimeline; markers?: TMarker[] }) {
  const spansDays = timeline.points.length > 1 && timeline.points.at(-1)!.t - timeline.points[0].t > 86_400_000;
  const data = timeline.points.map((p) => ({ t: p.t, allowed: p.events - p.denied, denied: p.denied }));
  // An explicit domain: the whole window, including the empty minutes around the activity.
  const domain = [timeline.points[0]?.t ?? 0, timeline.points.at(-1)?.t ?? 0];
  const unit = timeline.bucketSeconds === 60 ? "minute" : timeline.bucketSeconds < 3600 ? `${timeline.bucketSeconds / 60} minutes` : timeline.bucketSeconds === 3600 ? "hour" : `${timeline.bucketSeconds / 3600} hours`;
  return (
    <figure style={{ margin: 0 }} data-testid="timeline-chart" aria-label={`Requests per ${unit}`}>
      <div className="inv-chart">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 20, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="t" type="number" scale="time" domain={domain} padding={{ left: 8, right: 8 }} tickFormatter={(v: number) => fmtClock(v, spansDays)} stroke="var(--muted)" fontSize={12} minTickGap={40} />
            <YAxis allowDecimals={false} stroke="var(--muted)" fontSize={12} width={40} />
            <Tooltip
              labelFormatter={(v) => fmtTime(Number(v))}
              contentStyle={{ background: "var(--panel)", border: "1px solid var(--border)", color: "var(--text)" }}
              cursor={{ fill: "var(--panel-2)" }}
            />
            <Bar dataKey="allowed" name="Requests" stackId="e" fill="var(--accent)" isAnimationActive={false} />
            <Bar dataKey="denied" name="Denied" stackId="e" fill="var(--danger)" isAnimationActive={false} />
            {markers.map((m) => (
              <ReferenceLine key={m.id} x={m.t} stroke={SEV_COLOR[m.severity]} strokeWidth={2} strokeDasharray="4 2" label={{ value: m.label, position: "top", fill: "var(--text)", fontSize: 12, fontWeight: 700 }} />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="inv-legend">
        <span><span className="inv-swatch" style={{ background: "var(--accent)" }} /> requests per {unit}</span>
        <span><span className="inv-swatch" style={{ background: "var(--danger)" }} /> denied</span>
        {markers.map((m) => (
          <span key={m.id}><strong>{m.label}</strong> {fmtClock(m.t, spansDays)} — {m.title}</span>
        ))}
      </figcaption>
    </figure>
  );
}
