"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { clusterKeys, deleteCluster } from "@/lib/client/clusters";
import { findingKeys } from "@/lib/client/findings";

/** Removing deletes the credential, inventory and findings: the name must be typed to confirm. */
export function RemoveCluster({ orgId, clusterId, name }: { orgId: string; clusterId: string; name: string }) {
  const router = useRouter();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const remove = useMutation({
    mutationFn: () => deleteCluster(clusterId, typed),
    onSuccess: async () => {
      qc.removeQueries({ queryKey: clusterKeys.detail(orgId, clusterId) });
      await Promise.all([qc.invalidateQueries({ queryKey: clusterKeys.all(orgId) }), qc.invalidateQueries({ queryKey: findingKeys.all(orgId) })]);
      router.push("/clusters");
    },
  });
  return (
    <div className="card danger-zone">
      <h2>Remove cluster</h2>
      <p className="muted">Deletes the stored credential, the inventory, the findings and the scan history of this cluster. The cluster itself is not touched.</p>
      {open ? (
        <form className="row" onSubmit={(e) => { e.preventDefault(); remove.mutate(); }}>
          <input aria-label="Type the cluster name to confirm" placeholder={name} value={typed} onChange={(e) => setTyped(e.target.value)} style={{ maxWidth: 280 }} autoFocus />
          <button className="btn btn-danger" type="submit" disabled={typed !== name || remove.isPending}>Remove {name}</button>
          <button className="btn" type="button" onClick={() => { setOpen(false); setTyped(""); }}>Cancel</button>
        </form>
      ) : (
        <button className="btn btn-danger" type="button" onClick={() => setOpen(true)}>Remove cluster…</button>
      )}
      {remove.error ? <div className="alert alert-error" role="alert">{remove.error.message}</div> : null}
    </div>
  );
}
