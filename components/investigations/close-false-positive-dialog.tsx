"use client";

import { useEffect, useRef, useState } from "react";
import type { TUpdateIncident } from "@/lib/client/incidents";

/** Close as false positive, optionally allow-listing the principal so the same activity stops alerting. */
export function CloseFalsePositiveDialog({ open, principal, clusterName, isPending, onCancel, onSubmit }: {
  open: boolean; principal: string; clusterName: string; isPending: boolean; onCancel: () => void; onSubmit: (u: TUpdateIncident) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const [allow, setAllow] = useState(true);
  const [scope, setScope] = useState<"cluster" | "org">("cluster");
  useEffect(() => {
    const d = ref.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="inv-dialog" aria-labelledby="fp-title" onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <form onSubmit={(e) => { e.preventDefault(); onSubmit({ status: "closed_false_positive", closeReason: reason, ...(allow ? { allowList: { scope } } : {}) }); }}>
        <h2 id="fp-title">Close as false positive</h2>
        <label htmlFor="fp-reason">Why is this expected?</label>
        <textarea id="fp-reason" rows={3} required minLength={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. on-call engineer debugging the checkout service" />
        <label className="inv-check">
          <input type="checkbox" checked={allow} onChange={(e) => setAllow(e.target.checked)} />
          <span>Allow-list <code>{principal}</code> for this incident&apos;s detections, so the same activity no longer raises incidents</span>
        </label>
        {allow ? (
          <>
            <label htmlFor="fp-scope">Where</label>
            <select id="fp-scope" value={scope} onChange={(e) => setScope(e.target.value as "cluster" | "org")}>
              <option value="cluster">Only in cluster {clusterName}</option>
              <option value="org">In every cluster</option>
            </select>
          </>
        ) : null}
        <div className="row" style={{ justifyContent: "flex-end", marginTop: 16 }}>
          <button className="btn" type="button" onClick={onCancel}>Cancel</button>
          <button className="btn btn-primary" type="submit" disabled={isPending}>Close incident</button>
        </div>
      </form>
    </dialog>
  );
}
