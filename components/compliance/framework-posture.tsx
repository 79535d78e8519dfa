"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ScoreCard } from "@/components/overview/score-card";
import { complianceKeys, compliancePath, fetchFrameworkPosture, type TScope, type TScopeCluster } from "@/lib/client/compliance";
import type { TFrameworkKey } from "@/lib/client/overview";
import { ControlsTable } from "./controls-table";
import { ExportReportButton } from "./export-report-button";
import { ScopeFilter } from "./scope-filter";

export function FrameworkPosture({ orgId, framework, scope, clusters, canWrite }: { orgId: string; framework: TFrameworkKey; scope: TScope; clusters: TScopeCluster[]; canWrite: boolean }) {
  const router = useRouter();
  const q = useQuery({ queryKey: complianceKeys.posture(orgId, framework, scope), queryFn: ({ signal }) => fetchFrameworkPosture(framework, scope, signal) });
  const p = q.data;
  return (
    <>
      <div className="row cmp-toolbar">
        <ScopeFilter clusters={clusters} scope={scope} onChange={(s) => router.push(compliancePath(framework, s))} />
        <div className="cmp-toolbar-end"><ExportReportButton orgId={orgId} framework={framework} scope={scope} canWrite={canWrite} /></div>
      </div>
      {q.error ? <div className="alert alert-error">{q.error.message}</div> : null}
      {p ? (
        <>
          <ScoreCard title={`${p.framework.name} (${p.framework.id}) · ${p.scope.namespace ? `namespace ${p.scope.namespace}` : p.scope.cluster ? `cluster ${p.scope.clusters[0] ?? ""}` : "whole fleet"}`} posture={p.scope.clusters.length ? p : null} testId="framework-score" />
          {p.coverageGaps.length ? (
            <div className="alert" data-testid="coverage-gaps-note">Tower could not read {p.coverageGaps.map((g) => g.kind).join(", ")}: controls that need them are at most partial.</div>
          ) : null}
          <ControlsTable framework={framework} controls={p.controls} scope={scope} />
        </>
      ) : q.isLoading ? <p className="muted">Assessing…</p> : null}
    </>
  );
}
