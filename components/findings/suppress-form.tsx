"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { clusterKeys } from "@/lib/client/clusters";
import { createSuppression, findingKeys, type TCreatedSuppression, type TFindingDetail, type TSuppressionScope } from "@/lib/client/findings";

const scopes = (f: TFindingDetail): Array<{ id: TSuppressionScope; label: string }> => [
  { id: "finding", label: "This finding only" },
  { id: "resource", label: `Every finding of ${f.resource.kind} ${f.resource.namespace ? `${f.resource.namespace}/` : ""}${f.resource.name}` },
  { id: "namespace", label: f.resource.namespace ? `Every finding in namespace ${f.resource.namespace} of ${f.clusterName}` : `Every cluster-scoped finding of ${f.clusterName}` },
  { id: "rule", label: `Rule ${f.ruleName} everywhere in ${f.clusterName}` },
];

/** "Accept risk": hides matching findings until the expiry date (if any) or until revoked. */
export function SuppressForm({ orgId, finding, onDone }: { orgId: string; finding: TFindingDetail; onDone: (r: TCreatedSuppression) => void }) {
  const qc = useQueryClient();
  const [scope, setScope] = useState<TSuppressionScope>("finding");
  const [reason, setReason] = useState("");
  const [expires, setExpires] = useState("");
  const suppress = useMutation({
    mutationFn: () => createSuppression({ findingId: finding.id, scope, reason: reason.trim(), expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : undefined }),
    onSuccess: async (r) => {
      await Promise.all([qc.invalidateQueries({ queryKey: findingKeys.all(orgId) }), qc.invalidateQueries({ queryKey: clusterKeys.all(orgId) })]);
      onDone(r);
    },
  });
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return (
    <form className="card" data-testid="suppress-form" onSubmit={(e) => { e.preventDefault(); suppress.mutate(); }}>
      <h2>Suppress / accept risk</h2>
      <fieldset className="scopes">
        <legend>Scope</legend>
        {scopes(finding).map((s) => (
          <label key={s.id} className="check">
            <input type="radio" name="scope" value={s.id} checked={scope === s.id} onChange={() => setScope(s.id)} />
            <span>{s.label}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor="suppress-reason">Reason</label>
      <textarea id="suppress-reason" rows={3} required minLength={3} maxLength={1000} placeholder="Why is this risk accepted? (kept in the audit trail)" value={reason} onChange={(e) => setReason(e.target.value)} />
      <label htmlFor="suppress-expiry">Expires <span className="muted">(optional; the findings come back after this day)</span></label>
      <input id="suppress-expiry" type="date" min={tomorrow} value={expires} onChange={(e) => setExpires(e.target.value)} style={{ maxWidth: 200 }} />
      {suppress.error ? <div className="alert alert-error" role="alert">{suppress.error.message}</div> : null}
      <div className="row step-actions">
        <button className="btn btn-primary" type="submit" disabled={suppress.isPending || reason.trim().length < 3}>{suppress.isPending ? "Saving…" : "Accept risk"}</button>
      </div>
    </form>
  );
}
