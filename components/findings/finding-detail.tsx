"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { RelativeTime } from "@/components/clusters/relative-time";
import { PageHeader } from "@/components/ui/page-header";
import { fetchFinding, findingKeys, type TFindingDetail } from "@/lib/client/findings";
import { orderTopLevelKeys } from "@/lib/client/yaml-path";
import { EvidencePanel } from "./evidence-panel";
import { FindingRefs } from "./finding-refs";
import { SeverityPill } from "./severity-pill";
import { SuggestedPatch } from "./suggested-patch";
import { SuppressForm } from "./suppress-form";
import { SuppressionNotice } from "./suppression-notice";

const readable = (f: TFindingDetail): TFindingDetail => ({ ...f, objectYaml: f.objectYaml && orderTopLevelKeys(f.objectYaml) });

export function FindingDetail({ orgId, findingId, canWrite }: { orgId: string; findingId: string; canWrite: boolean }) {
  const router = useRouter();
  const from = useSearchParams().get("from") ?? "";
  const explorer = `/findings${from ? `?${from}` : ""}`;
  const finding = useQuery({ queryKey: findingKeys.detail(orgId, findingId), queryFn: ({ signal }) => fetchFinding(findingId, signal), select: readable });
  if (finding.error) return <div className="alert alert-error" role="alert">{finding.error.message}</div>;
  const f = finding.data;
  if (!f) return <p className="muted">Loading…</p>;
  const r = f.resource;
  return (
    <>
      <PageHeader title={f.title} description={`${f.ruleName} · ${f.ruleId} · ${f.theme}`} actions={<Link className="btn" href={explorer}>Back to findings</Link>} />
      {f.suppression ? <SuppressionNotice orgId={orgId} suppression={f.suppression} canWrite={canWrite} /> : null}
      <div className="card" data-testid="finding-summary">
        <div className="row">
          <SeverityPill severity={f.severity} />
          <span className={`badge status-${f.status}`}>{f.status}</span>
          <span className="muted small">first seen <RelativeTime iso={f.firstSeenAt} /> · last seen <RelativeTime iso={f.lastSeenAt} />{f.resolvedAt ? <> · resolved <RelativeTime iso={f.resolvedAt} /></> : null}</span>
        </div>
        <p className="finding-message" data-testid="finding-message">{f.message}</p>
        <div className="muted small">
          <span className="mono">{r.apiVersion} {r.kind} {r.namespace ? `${r.namespace}/` : ""}{r.name}</span> in <Link href={`/clusters/${f.clusterId}`}>{f.clusterName}</Link>
        </div>
      </div>
      <div className="detail-grid">
        <div>
          <EvidencePanel finding={f} />
          <SuggestedPatch finding={f} />
        </div>
        <div>
          <div className="card">
            <h2>Why it matters</h2>
            <p>{f.description ?? "This rule is no longer in Tower's catalog."}</p>
            <h2>How to fix it</h2>
            <p className="pre-line">{f.remediation}</p>
          </div>
          {f.otherFindings.length ? (
            <div className="card">
              <h2>Other findings on this {r.kind}</h2>
              <ul className="other-findings">
                {f.otherFindings.map((o) => (
                  <li key={o.id}><SeverityPill severity={o.severity} /> <Link href={`/findings/${o.id}${from ? `?from=${encodeURIComponent(from)}` : ""}`}>{o.title}</Link></li>
                ))}
              </ul>
            </div>
          ) : null}
          <FindingRefs finding={f} />
          {canWrite && !f.suppression ? <SuppressForm orgId={orgId} finding={f} onDone={(s) => router.push(`${explorer}${from ? "&" : "?"}hidden=${s.findingsHidden}`)} /> : null}
        </div>
      </div>
    </>
  );
}
