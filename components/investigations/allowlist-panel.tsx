"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { allowListKeys, createAllowListEntry, deleteAllowListEntry, fetchAllowList, principalHref, type TAllowListEntry } from "@/lib/client/investigations";
import { fmtTime } from "./format";

type Option = { id: string; name: string };
const EMPTY = { principal: "", detectionId: "", clusterId: "", reason: "" };

export function AllowListPanel({ orgId, canWrite, detections, clusters, initial }: { orgId: string; canWrite: boolean; detections: Array<{ id: string; title: string }>; clusters: Option[]; initial: TAllowListEntry[] }) {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: allowListKeys.all(orgId), queryFn: ({ signal }) => fetchAllowList(signal), initialData: initial });
  const [form, setForm] = useState(EMPTY);
  const refresh = () => qc.invalidateQueries({ queryKey: allowListKeys.all(orgId) });
  const create = useMutation({ mutationFn: createAllowListEntry, onSuccess: () => { setForm(EMPTY); return refresh(); } });
  const remove = useMutation({ mutationFn: deleteAllowListEntry, onSuccess: refresh });
  const error = create.error ?? remove.error;
  return (
    <>
      {canWrite ? (
        <form className="card" onSubmit={(e) => { e.preventDefault(); create.mutate({ principal: form.principal, detectionId: form.detectionId || null, clusterId: form.clusterId || null, reason: form.reason }); }}>
          <h2>Add an entry</h2>
          <div className="inv-filters" style={{ gridTemplateColumns: "2fr 2fr 1fr" }}>
            <div><label htmlFor="al-principal">Principal</label><input id="al-principal" required minLength={2} value={form.principal} placeholder="jane@corp.com or system:serviceaccount:ci:*" onChange={(e) => setForm({ ...form, principal: e.target.value })} /></div>
            <div><label htmlFor="al-detection">Detection</label>
              <select id="al-detection" value={form.detectionId} onChange={(e) => setForm({ ...form, detectionId: e.target.value })}>
                <option value="">Every detection</option>
                {detections.map((d) => <option key={d.id} value={d.id}>{d.id} · {d.title}</option>)}
              </select></div>
            <div><label htmlFor="al-cluster">Cluster</label>
              <select id="al-cluster" value={form.clusterId} onChange={(e) => setForm({ ...form, clusterId: e.target.value })}>
                <option value="">Every cluster</option>
                {clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select></div>
          </div>
          <label htmlFor="al-reason">Why is this activity expected?</label>
          <input id="al-reason" required minLength={3} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
          <p className="muted" style={{ marginTop: 8 }}>A trailing <code>*</code> matches a prefix. Entries apply to events ingested from now on; existing incidents stay as they are.</p>
          <button className="btn btn-primary" type="submit" disabled={create.isPending}>Add to allow-list</button>
        </form>
      ) : null}
      {error ? <div className="alert alert-error" role="alert">{error.message}</div> : null}
      <div className="card">
        <h2>Allow-listed activity</h2>
        <table>
          <thead><tr><th>Principal</th><th>Detection</th><th>Cluster</th><th>Reason</th><th>Added</th><th /></tr></thead>
          <tbody>
            {list.data.map((e) => (
              <tr key={e.id} data-testid="allowlist-row">
                <td className="inv-truncate"><Link href={principalHref(e.principal.replace(/\*$/, ""))}><code>{e.principal}</code></Link></td>
                <td>{e.detectionId ? <span title={e.detectionTitle ?? undefined}>{e.detectionId}{e.detectionTitle ? ` · ${e.detectionTitle}` : ""}</span> : <span className="muted">every detection</span>}</td>
                <td>{e.cluster?.name ?? <span className="muted">every cluster</span>}</td>
                <td>{e.reason}</td>
                <td className="muted">{fmtTime(e.createdAt)}<div>{e.createdBy ?? ""}</div></td>
                <td>{canWrite ? <button className="btn btn-danger" type="button" onClick={() => confirm(`Remove ${e.principal} from the allow-list?`) && remove.mutate(e.id)}>Remove</button> : null}</td>
              </tr>
            ))}
            {!list.data.length ? <tr><td colSpan={6} className="muted">Nothing is allow-listed: every detection alerts for every principal.</td></tr> : null}
          </tbody>
        </table>
      </div>
    </>
  );
}
