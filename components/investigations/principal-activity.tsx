"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useState } from "react";
import { fetchPrincipalActivity, investigationKeys, resourceHref, type TRangePreset } from "@/lib/client/investigations";
import { EventTable } from "./event-table";
import { EventTimelineChart } from "./event-timeline-chart";
import { fmtShort, fmtTime } from "./format";
import { SeenValuesTable } from "./incident-context-panels";
import { RawEventDrawer, type TEventRef } from "./raw-event-drawer";
import { TimeRangePicker } from "./time-range-picker";
import { useUrlState } from "./use-url-state";

type TState = { cluster?: string; range: TRangePreset; from?: string; to?: string };

export function PrincipalActivity({ orgId, principal, clusters, initial }: { orgId: string; principal: string; clusters: Array<{ id: string; name: string }>; initial: TState }) {
  const [s, setS] = useUrlState<TState>(initial);
  const [openEvent, setOpenEvent] = useState<TEventRef | null>(null);
  const close = useCallback(() => setOpenEvent(null), []);
  const range = { range: s.range, from: s.from, to: s.to };
  const q = useQuery({
    queryKey: investigationKeys.principal(orgId, principal, s.cluster ?? "", range),
    queryFn: ({ signal }) => fetchPrincipalActivity({ principal, cluster: s.cluster, ...range }, signal),
    placeholderData: keepPreviousData,
  });
  const p = q.data;
  const nameOf = new Map(clusters.map((c) => [c.id, c.name]));
  const firstSeen = p?.activity.filter((a) => a.isFirstSeen).length ?? 0;
  const showCluster = (p?.clusters.length ?? 0) > 1;
  return (
    <>
      <div className="card row" style={{ justifyContent: "space-between", alignItems: "flex-end" }}>
        <TimeRangePicker value={range} onChange={(r) => setS({ ...s, ...r, from: r.from, to: r.to })} />
        <div className="inv-controls"><div><label htmlFor="p-cluster">Cluster</label>
          <select id="p-cluster" value={s.cluster ?? ""} onChange={(e) => setS({ ...s, cluster: e.target.value || undefined })}>
            <option value="">All clusters</option>
            {clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select></div></div>
      </div>
      {q.error ? <div className="alert alert-error" role="alert">{q.error.message}</div> : null}
      {p ? (
        <>
          <div className="card">
            <h2>{p.total} request{p.total === 1 ? "" : "s"} from {fmtTime(p.from)} to {fmtTime(p.to)}</h2>
            <EventTimelineChart timeline={p.timeline} />
          </div>
          <div className="inv-cols">
            <div className="card" data-testid="principal-activity">
              <h2>What they did</h2>
              <p className="muted">{firstSeen ? `${firstSeen} verb and resource pair${firstSeen === 1 ? " is" : "s are"} new for this principal in this range (highlighted): never seen before in the retained events.` : "Nothing new: every verb and resource pair was already seen before this range."}</p>
              <table>
                <thead><tr><th>Verb</th><th>Resource</th>{showCluster ? <th>Cluster</th> : null}<th>Requests</th><th>Last (UTC)</th></tr></thead>
                <tbody>
                  {p.activity.map((a) => (
                    <tr key={`${a.clusterId}/${a.verb}/${a.resource}`} className={a.isFirstSeen ? "inv-first-seen" : undefined} data-testid={a.isFirstSeen ? "first-seen-row" : "activity-row"}>
                      <td style={{ whiteSpace: "nowrap" }}><code>{a.verb}</code> {a.isFirstSeen ? <span className="inv-chip inv-chip-new">first seen</span> : null}</td>
                      <td>{a.resource ? <Link href={resourceHref({ cluster: a.clusterId, namespace: "*", resource: a.resource.split("/")[0] })}><code>{a.resource}</code></Link> : <span className="muted">(non-resource)</span>}</td>
                      {showCluster ? <td>{nameOf.get(a.clusterId) ?? a.clusterId}</td> : null}
                      <td>{a.events}</td>
                      <td className="muted" style={{ whiteSpace: "nowrap" }}>{fmtShort(a.lastSeen)}</td>
                    </tr>
                  ))}
                  {!p.activity.length ? <tr><td colSpan={showCluster ? 5 : 4} className="muted">No activity in this range.</td></tr> : null}
                </tbody>
              </table>
            </div>
            <div className="card">
              <h2>{p.isServiceAccount ? "Service account" : "User"}</h2>
              <SeenValuesTable title="Source IP" values={p.sourceIps} />
              <div style={{ height: 12 }} />
              <SeenValuesTable title="User agent" values={p.userAgents} />
            </div>
          </div>
          <div className="card">
            <h2>Latest requests</h2>
            <EventTable events={p.events} onOpen={setOpenEvent} />
          </div>
        </>
      ) : <p className="muted">Loading…</p>}
      <RawEventDrawer orgId={orgId} target={openEvent} onClose={close} />
    </>
  );
}
