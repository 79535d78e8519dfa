"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { inspectKubeconfig, type TContextSummary } from "@/lib/client/clusters";

/** Step 1 for kubeconfigs: upload or paste; the server lists the contexts and stores nothing yet. */
export function KubeconfigSource({ onContexts }: { onContexts: (kubeconfig: string, contexts: TContextSummary[]) => void }) {
  const [text, setText] = useState("");
  const inspect = useMutation({ mutationFn: inspectKubeconfig, onSuccess: (r) => onContexts(text, r.contexts) });
  const readFile = async (file: File | undefined) => {
    if (file) setText(await file.text());
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); inspect.mutate(text); }}>
      <label htmlFor="kubeconfig-file">Upload a kubeconfig</label>
      <input id="kubeconfig-file" type="file" accept=".yaml,.yml,.conf,.config,text/plain,application/yaml" onChange={(e) => void readFile(e.target.files?.[0])} />
      <label htmlFor="kubeconfig-text">or paste it</label>
      <textarea id="kubeconfig-text" rows={10} className="mono" spellCheck={false} placeholder="apiVersion: v1&#10;kind: Config&#10;clusters: …" value={text} onChange={(e) => setText(e.target.value)} />
      <p className="muted small">
        Exec plugins and auth providers (aws, gcloud, kubelogin…) cannot be used: Tower runs no programs from a kubeconfig. Use a
        ServiceAccount token instead (see &quot;Create read-only access&quot;). Only the contexts you pick are kept, encrypted.
      </p>
      {inspect.error ? <div className="alert alert-error" role="alert">{inspect.error.message}</div> : null}
      <button className="btn btn-primary" type="submit" disabled={inspect.isPending || text.trim().length < 10}>
        {inspect.isPending ? "Reading…" : "Read contexts"}
      </button>
    </form>
  );
}
