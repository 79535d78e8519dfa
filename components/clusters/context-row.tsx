"use client";

import { useMutation } from "@tanstack/react-query";
import { testConnection, type TContextSummary } from "@/lib/client/clusters";
import { ClusterMetaFields, type TMetaDraft } from "./cluster-meta-fields";
import { ConnectionResult } from "./connection-result";

export type TContextDraft = TMetaDraft & { selected: boolean };

/** One kubeconfig context: pick it, name it, and test what it can read before saving. */
export function ContextRow({ kubeconfig, context, draft, onChange, index }: { kubeconfig: string; context: TContextSummary; draft: TContextDraft; onChange: (d: TContextDraft) => void; index: number }) {
  const test = useMutation({ mutationFn: () => testConnection({ kubeconfig, context: context.name }) });
  return (
    <div className={`context-row${context.usable ? "" : " is-disabled"}`} data-testid="context-row" data-context={context.name}>
      <div className="context-head">
        <label className="check">
          <input type="checkbox" disabled={!context.usable} checked={draft.selected} onChange={(e) => onChange({ ...draft, selected: e.target.checked })} aria-label={`Add context ${context.name}`} />
          <span><strong>{context.name}</strong> <span className="muted small">({context.auth})</span></span>
        </label>
        <span className="muted small mono">{context.server}</span>
        {context.usable ? (
          <button className="btn" type="button" onClick={() => test.mutate()} disabled={test.isPending}>
            {test.isPending ? "Testing…" : "Test connection"}
          </button>
        ) : null}
      </div>
      {!context.usable ? <div className="alert alert-error small">Cannot be used: {context.problem}</div> : null}
      {context.usable && draft.selected ? <ClusterMetaFields idPrefix={`ctx-${index}`} value={draft} onChange={(m) => onChange({ ...draft, ...m })} /> : null}
      {test.error ? <div className="alert alert-error" role="alert">{test.error.message}</div> : null}
      {test.data ? <ConnectionResult result={test.data} /> : null}
    </div>
  );
}
