"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TOverview } from "@/lib/client/overview";
import { SEVERITIES } from "@/lib/client/clusters";
import { shortDay } from "./score-trend-chart";

const COLOR = { critical: "var(--sev-critical)", high: "var(--sev-high)", medium: "var(--sev-medium)", low: "var(--sev-low)", info: "var(--sev-info)" } as const;
const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
type Row = Record<string, number | string>;
type LabelProps = { x?: number | string; y?: number | string; width?: number | string; index?: number };

/** The total goes above the topmost non-empty segment of a stack (an empty top segment draws no label). */
const stackTotal = (data: Row[], prefix: "new" | "res", severity: string, fill: string) =>
  function StackTotal({ x, y, width, index }: LabelProps) {
    const row = data[index ?? 0];
    const top = [...SEVERITIES].reverse().find((s) => Number(row?.[`${prefix}_${s}`]) > 0);
    if (top !== severity) return null;
    return <text x={Number(x) + Number(width) / 2} y={Number(y) - 4} textAnchor="middle" fontSize={11} fontWeight={700} fill={fill}>{row[`${prefix}Total`]}</text>;
  };

/** Two stacks per day (or week): new findings by severity (solid) and resolved ones (faded), each with its total on top. */
export function FindingsTrendChart({ findings }: { findings: TOverview["findings"] }) {
  const data: Row[] = findings.buckets.map((b) => ({
    label: findings.bucketDays === 1 ? shortDay(b.end) : `${shortDay(b.start)}–${shortDay(b.end)}`,
    ...Object.fromEntries(SEVERITIES.flatMap((s) => [[`new_${s}`, b.opened[s]], [`res_${s}`, b.resolved[s]]])),
    newTotal: sum(b.opened),
    resTotal: sum(b.resolved),
  }));
  return (
    <figure className="ov-chart ov-chart-tall" data-testid="findings-trend" aria-label="New and resolved findings by severity">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 20, right: 12, bottom: 4, left: 0 }} barGap={1} barCategoryGap="18%">
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" stroke="var(--muted)" fontSize={11} minTickGap={16} />
          <YAxis allowDecimals={false} stroke="var(--muted)" fontSize={12} width={40} />
          <Tooltip contentStyle={{ background: "var(--panel)", border: "1px solid var(--border)", color: "var(--text)" }} cursor={{ fill: "var(--panel-2)" }} />
          {SEVERITIES.map((s) => (
            <Bar key={`n${s}`} dataKey={`new_${s}`} name={`new ${s}`} stackId="new" fill={COLOR[s]} isAnimationActive={false}>
              <LabelList dataKey={`new_${s}`} content={stackTotal(data, "new", s, "var(--text)")} />
            </Bar>
          ))}
          {SEVERITIES.map((s) => (
            <Bar key={`r${s}`} dataKey={`res_${s}`} name={`resolved ${s}`} stackId="resolved" fill={COLOR[s]} fillOpacity={0.35} stroke={COLOR[s]} isAnimationActive={false}>
              <LabelList dataKey={`res_${s}`} content={stackTotal(data, "res", s, "var(--ok)")} />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="inv-legend">
        <span><strong>left bar</strong> new (solid) · <strong>right bar</strong> resolved (faded); number on top = total</span>
        {SEVERITIES.map((s) => <span key={s}><span className="ov-swatch" style={{ background: COLOR[s] }} /> {s}</span>)}
      </figcaption>
    </figure>
  );
}

/** The same numbers as a table: totals over the range and what is open now. */
export function FindingsTotals({ findings }: { findings: TOverview["findings"] }) {
  return (
    <table className="compact ov-totals" data-testid="findings-totals">
      <thead><tr><th>Severity</th>{SEVERITIES.map((s) => <th key={s}><span className={`sev-pill sev-${s}`}>{s}</span></th>)}<th>Total</th></tr></thead>
      <tbody>
        <tr><td>New</td>{SEVERITIES.map((s) => <td key={s}>{findings.totals.opened[s]}</td>)}<td><strong>{sum(findings.totals.opened)}</strong></td></tr>
        <tr><td>Resolved</td>{SEVERITIES.map((s) => <td key={s}>{findings.totals.resolved[s]}</td>)}<td><strong>{sum(findings.totals.resolved)}</strong></td></tr>
        <tr><td>Open now</td>{SEVERITIES.map((s) => <td key={s}>{findings.openNow[s]}</td>)}<td><strong>{sum(findings.openNow)}</strong></td></tr>
      </tbody>
    </table>
  );
}
