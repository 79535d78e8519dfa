"use client";

import { useState } from "react";
import type { TRangePreset, TTimeRange } from "@/lib/client/investigations";

const PRESETS: Array<{ id: TRangePreset; label: string }> = [
  { id: "1h", label: "Last hour" },
  { id: "24h", label: "Last 24 hours" },
  { id: "7d", label: "Last 7 days" },
  { id: "custom", label: "Custom…" },
];

// datetime-local has no zone: Tower shows audit times in UTC, so the inputs are UTC too.
const toInput = (iso?: string) => (iso ? iso.slice(0, 16) : "");
const fromInput = (v: string) => (v ? `${v}:00.000Z` : undefined);

export function TimeRangePicker({ value, onChange }: { value: TTimeRange; onChange: (r: TTimeRange) => void }) {
  const [from, setFrom] = useState(toInput(value.from ?? new Date(Date.now() - 86_400_000).toISOString()));
  const [to, setTo] = useState(toInput(value.to ?? new Date().toISOString()));
  return (
    <div className="inv-controls" role="group" aria-label="Time range">
      <div><label htmlFor="tr-range">Time range</label>
        <select id="tr-range" value={value.range} onChange={(e) => {
          const range = e.target.value as TRangePreset;
          onChange(range === "custom" ? { range, from: fromInput(from), to: fromInput(to) } : { range });
        }}>
          {PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </select></div>
      {value.range === "custom" ? (
        <>
          <div><label htmlFor="tr-from">From (UTC)</label><input id="tr-from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} /></div>
          <div><label htmlFor="tr-to">To (UTC)</label><input id="tr-to" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} /></div>
          <button className="btn" type="button" onClick={() => onChange({ range: "custom", from: fromInput(from), to: fromInput(to) })}>Apply</button>
        </>
      ) : null}
    </div>
  );
}
