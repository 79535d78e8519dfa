"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fetchOverview, overviewKeys, type TFrameworkKey, type TRange } from "@/lib/client/overview";
import { FindingsTotals, FindingsTrendChart } from "./findings-trend-chart";
import { CoverageProblems, OpenIncidents } from "./incidents-and-coverage";
import { RiskiestClusters, RiskiestNamespaces, TopRules } from "./risk-tables";
import { FRAMEWORK_LABELS, ScoreCard } from "./score-card";
import { ScoreTrendChart } from "./score-trend-chart";

function Segmented<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: Array<[T, string]>; onChange: (v: T) => void }) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map(([v, text]) => <button key={v} type="button" aria-pressed={value === v} onClick={() => onChange(v)}>{text}</button>)}
    </div>
  );
}

export function OverviewDashboard({ orgId }: { orgId: string }) {
  const [range, setRange] = useState<TRange>("30");
  const [framework, setFramework] = useState<TFrameworkKey>("cis");
  const q = useQuery({ queryKey: overviewKeys.get(orgId, range, framework), queryFn: ({ signal }) => fetchOverview(range, framework, signal), placeholderData: (prev) => prev });
  if (q.error) return <div className="alert alert-error">{q.error.message}</div>;
  if (!q.data) return <p className="muted">Loading…</p>;
  const o = q.data;
  return (
    <div data-testid="overview">
      <div className="row ov-toolbar">
        <Segmented label="Framework" value={framework} onChange={setFramework} options={(Object.keys(FRAMEWORK_LABELS) as TFrameworkKey[]).map((k) => [k, FRAMEWORK_LABELS[k]])} />
        <Segmented label="Range" value={range} onChange={setRange} options={[["30", "30 days"], ["90", "90 days"]]} />
        <span className="muted small">{o.clusters.scanned} of {o.clusters.total} cluster(s) scanned</span>
      </div>
      <div className="ov-grid-top">
        <ScoreCard title={`Fleet posture · ${o.posture.framework.name}`} posture={o.posture.current} />
        <div className="card">
          <h2>Score trend, last {o.range} days</h2>
          <ScoreTrendChart points={o.posture.trend} days={o.range} />
        </div>
      </div>
      <div className="card">
        <h2>Findings by severity, last {o.range} days {o.findings.bucketDays > 1 ? <span className="muted small">(per week)</span> : <span className="muted small">(per day)</span>}</h2>
        {o.findings.recorded ? <FindingsTrendChart findings={o.findings} /> : <p className="muted">Daily counts start with the first snapshot after a scan.</p>}
        <FindingsTotals findings={o.findings} />
      </div>
      <div className="ov-grid-2">
        <RiskiestClusters rows={o.riskiestClusters} />
        <RiskiestNamespaces rows={o.riskiestNamespaces} />
        <TopRules rows={o.topRules} />
        <OpenIncidents incidents={o.incidents} />
      </div>
      <CoverageProblems rows={o.coverageProblems} />
    </div>
  );
}
