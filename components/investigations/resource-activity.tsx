"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useState } from "react";
import { fetchResourceActivity, investigationKeys, principalHref, type TRangePreset } from "@/lib/client/investigations";
import { EventTable } from "./event-table";
import { fmtTime } from "./format";
import { RawEventDrawer, type TEventRef } from "./raw-event-drawer";
import { TimeRangePicker } from "./time-range-picker";
import { useUrlState } from "./use-url-state";

type TState = { cluster: string; namespace: string; resource: string; name: string; range: TRangePreset; from?: string; to?: string };

export function ResourceActivity({ orgId, clusters, initial }: { orgId: string; clusters: Array<{ id: string; name: string }>; initial: TState }) {
  const [s, setS] = useUrlState<TState>(initial);
  const [draft, setDraft] = useState({ cluster: s.cluster || clusters[0]?.id || "", namespace: s.namespace, resource: s.resource, name: s.name });
  const [openEvent, setOpenEvent] = useState<TEventRef | null>(null);
  const close = useCallback(() => setOpenEvent(null), []);
  const isReady = !!(s.cluster && s.resource);
  const q = useQuery({
    queryKey: investigationKeys.resource(orgId, s),
    queryFn: ({ signal }) => fetchResourceActivity(s, signal),
    enabled: isReady,
    placeholderData: keepPreviousData,
  });
  const r = q.data;
  return (
    <>
      <form className="card inv-filters" onSubmit={(e) => { e.preventDefault(); setS({ ...s, ...draft }); }}>
        <div><label htmlFor="r-cluster">Cluster</label>
          <select id="r-cluster" value={draft.cluster} onChange={(e) => setDraft({ ...draft, cluster: e.target.value })}>
            {clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select></div>
        <div><label htmlFor="r-namespace">Namespace</label><input id="r-namespace" value={draft.namespace} placeholder="empty: cluster-scoped; *: any" onChange={(e) => setDraft({ ...draft, namespace: e.target.value })} /></div>
        <div><label htmlFor="r-resource">Resource</label><input id="r-resource" required value={draft.resource} placeholder="pods, secrets, …" onChange={(e) => setDraft({ ...draft, resource: e.target.value })} /></div>
        <div><label htmlFor="r-name">Name</label><input id="r-name" value={draft.name} placeholder="empty: every object" onChange={(e) => setDraft({ ...draft, name: e.target.value })} /></div>
        <div><button className="btn btn-primary" type="submit">Show activity</button></div>
      </form>
      <div className="card"><TimeRangePicker value={{ range: s.range, from: s.from, to: s.to }} onChange={(t) => setS({ ...s, ...t, from: t.from, to: t.to })} /></div>
      {q.error ? <div className="alert alert-error" role="alert">{q.error.message}</div> : null}
      {!isReady ? <p className="muted">Choose a cluster and a resource (for example <code>secrets</code> in namespace <code>shop</code>) to see who touched it.</p> : null}
      {r ? (
        <>
          <div className="card" data-testid="resource-touchers">
            <h2>Who touched <code>{r.resource}</code> {[r.namespace, r.name].filter(Boolean).join("/")} in {r.cluster.name}</h2>
            <p className="muted">{r.total} request{r.total === 1 ? "" : "s"} from {fmtTime(r.from)} to {fmtTime(r.to)}</p>
            <table>
              <thead><tr><th>Principal</th><th>How</th><th>Requests</th><th>Denied</th><th>First</th><th>Last</th></tr></thead>
              <tbody>
                {r.touchers.map((t) => (
                  <tr key={`${t.username}/${t.verb}/${t.subresource ?? ""}`}>
                    <td className="inv-truncate"><Link href={principalHref(t.username, r.cluster.id)}><code>{t.username}</code></Link></td>
                    <td><code>{t.verb}{t.subresource ? ` ${t.subresource}` : ""}</code></td>
                    <td>{t.events}</td>
                    <td>{t.denied ? <span className="badge badge-danger">{t.denied}</span> : "0"}</td>
                    <td className="muted">{fmtTime(t.firstSeen)}</td>
                    <td className="muted">{fmtTime(t.lastSeen)}</td>
                  </tr>
                ))}
                {!r.touchers.length ? <tr><td colSpan={6} className="muted">Nobody touched it in this range.</td></tr> : null}
              </tbody>
            </table>
          </div>
          <div className="card"><h2>Latest requests</h2><EventTable events={r.events} onOpen={setOpenEvent} showUser /></div>
        </>
      ) : null}
      <RawEventDrawer orgId={orgId} target={openEvent} onClose={close} />
    </>
  );
}
