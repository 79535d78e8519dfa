"use client";

import { useState } from "react";
import type { TContextSummary } from "@/lib/client/clusters";
import { ContextPicker } from "./context-picker";
import { KubeconfigSource } from "./kubeconfig-source";
import { TokenSource } from "./token-source";

type Source = "kubeconfig" | "token";

const STEPS = ["Credentials", "Contexts and test", "Save"];

export function AddClustersFlow({ orgId }: { orgId: string }) {
  const [source, setSource] = useState<Source>("kubeconfig");
  const [inspected, setInspected] = useState<{ kubeconfig: string; contexts: TContextSummary[] } | null>(null);
  const step = source === "kubeconfig" && inspected ? 1 : 0;
  return (
    <div className="card">
      <ol className="steps" aria-label="Progress">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? "step" : undefined} className={i < step ? "done" : undefined}>{s}</li>
        ))}
      </ol>
      {step === 0 ? (
        <div className="tabs" role="tablist">
          <button type="button" role="tab" className="tab" aria-selected={source === "kubeconfig"} onClick={() => setSource("kubeconfig")}>Kubeconfig</button>
          <button type="button" role="tab" className="tab" aria-selected={source === "token"} onClick={() => setSource("token")}>Token and CA</button>
        </div>
      ) : null}
      {source === "token" ? <TokenSource orgId={orgId} /> : null}
      {source === "kubeconfig" && !inspected ? <KubeconfigSource onContexts={(kubeconfig, contexts) => setInspected({ kubeconfig, contexts })} /> : null}
      {source === "kubeconfig" && inspected ? <ContextPicker orgId={orgId} kubeconfig={inspected.kubeconfig} contexts={inspected.contexts} onBack={() => setInspected(null)} /> : null}
    </div>
  );
}
