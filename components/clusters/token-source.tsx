"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { clusterKeys, createClusters, testConnection } from "@/lib/client/clusters";
import { ClusterMetaFields, type TMetaDraft } from "./cluster-meta-fields";
import { ConnectionResult } from "./connection-result";

/** "Token and CA": the three values the read-only manifest gives, tested and saved as one cluster. */
export function TokenSource({ orgId }: { orgId: string }) {
  const router = useRouter();
  const qc = useQueryClient();
  const [server, setServer] = useState("");
  const [caData, setCaData] = useState("");
  const [token, setToken] = useState("");
  const [meta, setMeta] = useState<TMetaDraft>({ name: "", environment: "dev", ownerTeam: "" });
  const credentials = () => ({ server: server.trim(), caData: caData.trim() || undefined, token: token.trim() });
  const test = useMutation({ mutationFn: () => testConnection(credentials()) });
  const save = useMutation({
    mutationFn: () => createClusters({ manual: { ...credentials(), name: meta.name.trim(), environment: meta.environment, ownerTeam: meta.ownerTeam.trim() || undefined } }),
    onSuccess: async (created) => {
      await qc.invalidateQueries({ queryKey: clusterKeys.all(orgId) });
      router.push(`/clusters/${created[0].id}`);
    },
  });
  const error = test.error ?? save.error;
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <label htmlFor="manual-server">API server URL</label>
      <input id="manual-server" type="url" required placeholder="https://203.0.113.10:6443" value={server} onChange={(e) => setServer(e.target.value)} />
      <label htmlFor="manual-ca">CA certificate <span className="muted">(base64, as in certificate-authority-data; empty for a publicly trusted certificate)</span></label>
      <textarea id="manual-ca" rows={3} className="mono" spellCheck={false} value={caData} onChange={(e) => setCaData(e.target.value)} />
      <label htmlFor="manual-token">Token</label>
      <textarea id="manual-token" rows={3} className="mono" spellCheck={false} required value={token} onChange={(e) => setToken(e.target.value)} />
      <ClusterMetaFields idPrefix="manual" value={meta} onChange={setMeta} />
      {error ? <div className="alert alert-error" role="alert">{error.message}</div> : null}
      {test.data ? <ConnectionResult result={test.data} /> : null}
      <div className="row step-actions">
        <button className="btn" type="button" disabled={!server || token.length < 10 || test.isPending} onClick={() => test.mutate()}>
          {test.isPending ? "Testing…" : "Test connection"}
        </button>
        <button className="btn btn-primary" type="submit" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save cluster"}</button>
      </div>
    </form>
  );
}
