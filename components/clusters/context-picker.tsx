"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { clusterKeys, createClusters, type TContextSummary } from "@/lib/client/clusters";
import { guessEnvironment, suggestName } from "./cluster-meta-fields";
import { ContextRow, type TContextDraft } from "./context-row";

/** Steps 2 and 3 for kubeconfigs: choose contexts, test them, save; then go to the new cluster. */
export function ContextPicker({ orgId, kubeconfig, contexts, onBack }: { orgId: string; kubeconfig: string; contexts: TContextSummary[]; onBack: () => void }) {
  const router = useRouter();
  const qc = useQueryClient();
  const usable = contexts.filter((c) => c.usable);
  const [drafts, setDrafts] = useState<Record<string, TContextDraft>>(() =>
    Object.fromEntries(contexts.map((c) => [c.name, { selected: c.usable && usable.length === 1, name: suggestName(c.name), environment: guessEnvironment(c.name), ownerTeam: "" }])),
  );
  const chosen = contexts.filter((c) => drafts[c.name]?.selected);
  const save = useMutation({
    mutationFn: () => createClusters({ kubeconfig, contexts: chosen.map((c) => { const d = drafts[c.name]; return { context: c.name, name: d.name.trim(), environment: d.environment, ownerTeam: d.ownerTeam.trim() || undefined }; }) }),
    onSuccess: async (created) => {
      await qc.invalidateQueries({ queryKey: clusterKeys.all(orgId) });
      router.push(created.length === 1 ? `/clusters/${created[0].id}` : "/clusters");
    },
  });
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <h2>Choose contexts</h2>
      <p className="muted">
        {contexts.length} context(s) found, {usable.length} usable. Pick one or many; each becomes a cluster in Tower. Test a connection to see which
        resource types its credentials can read.
      </p>
      {contexts.map((c, i) => (
        <ContextRow key={c.name} index={i} kubeconfig={kubeconfig} context={c} draft={drafts[c.name]} onChange={(d) => setDrafts((all) => ({ ...all, [c.name]: d }))} />
      ))}
      {save.error ? <div className="alert alert-error" role="alert">{save.error.message}</div> : null}
      <div className="row step-actions">
        <button className="btn" type="button" onClick={onBack}>Back</button>
        <button className="btn btn-primary" type="submit" disabled={!chosen.length || save.isPending}>
          {save.isPending ? "Saving…" : chosen.length > 1 ? `Save ${chosen.length} clusters` : "Save cluster"}
        </button>
        <span className="muted small">The first scan starts at once.</span>
      </div>
    </form>
  );
}
