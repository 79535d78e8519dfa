"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { clusterKeys, fetchReaderManifest, readerManifestUrl } from "@/lib/client/clusters";

const READ_COMMANDS = `kubectl apply -f tower-reader.yaml
# the API server URL
kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}'
# the CA (base64)
kubectl -n tower-system get secret tower-reader-token -o jsonpath='{.data.ca\\.crt}'
# the token
kubectl -n tower-system get secret tower-reader-token -o jsonpath='{.data.token}' | base64 -d`;

/** The read-only RBAC manifest to apply in a cluster, and how to read back the token and CA it creates. */
export function ReaderAccessPanel({ orgId }: { orgId: string }) {
  const [withSecrets, setWithSecrets] = useState(false);
  const manifest = useQuery({ queryKey: clusterKeys.readerManifest(orgId, withSecrets), queryFn: ({ signal }) => fetchReaderManifest(withSecrets, signal), staleTime: Infinity });
  return (
    <div className="card" data-testid="reader-access">
      <h2>Create read-only access</h2>
      <p className="muted">
        Apply this manifest in the cluster to create a ServiceAccount that can list what Tower&apos;s rules need and nothing more: no writes, no exec,
        no Secret values. Then use its token and CA with &quot;Token and CA&quot;.
      </p>
      <label className="check">
        <input type="checkbox" checked={withSecrets} onChange={(e) => setWithSecrets(e.target.checked)} />
        <span>Also allow reading Secret metadata</span>
      </label>
      <p className="muted small">
        Opt-in because Kubernetes has no &quot;metadata only&quot; permission: list on Secrets also grants reading their values. Tower asks for metadata
        only and never stores values, but the token could read them. Without it, the rules about Secret types, service-account tokens and
        unused Secrets have nothing to check.
      </p>
      <div className="row">
        <a className="btn" href={readerManifestUrl(withSecrets)} download="tower-reader.yaml">Download tower-reader.yaml</a>
      </div>
      {manifest.error ? <div className="alert alert-error" role="alert">{manifest.error.message}</div> : null}
      <pre className="manifest" data-testid="reader-manifest">{manifest.data ?? "Loading…"}</pre>
      <h2>Then read the token and CA</h2>
      <pre>{READ_COMMANDS}</pre>
    </div>
  );
}
