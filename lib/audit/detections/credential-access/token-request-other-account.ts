import { defineDetection } from "../../define-detection";
import { allowedBy, describePrincipal, isNode, isSuccessful, serviceAccountOf } from "../../event-helpers";

export default defineDetection({
  id: "TWD-0017",
  name: "token-request-other-account",
  title: "ServiceAccount token minted via TokenRequest by non-kubelet",
  severity: "high",
  tactic: "credential-access",
  description:
    "A principal other than a kubelet or the controller manager minted a token for a service account with the TokenRequest API (kubectl create token): a fresh credential for that account's permissions. Critical in kube-system; long-lived when expirationSeconds > 3600.",
  refs: { mitre: ["T1528", "T1098"], ms: ["MS-TA9016"], falco: [], elastic: ["Kubernetes Service Account Token Created via TokenRequest API"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["ServiceAccount token minted via TokenRequest by non-kubelet"],
  resources: ["serviceaccounts"],
  check: (e) => {
    if (e.verb !== "create" || e.objectRef.subresource !== "token" || !isSuccessful(e)) return;
    const user = e.user.username;
    if (isNode(user) || user === "system:kube-controller-manager" || user.startsWith("system:serviceaccount:kube-system:")) return;
    const ns = e.objectRef.namespace ?? "?";
    const target = `system:serviceaccount:${ns}:${e.objectRef.name ?? "?"}`;
    const self = serviceAccountOf(user) && user === target;
    const spec = (e.object?.spec ?? {}) as Record<string, unknown>;
    const seconds = typeof spec.expirationSeconds === "number" ? spec.expirationSeconds : undefined;
    const long = seconds !== undefined && seconds > 3600;
    return {
      message: `${describePrincipal(e)} minted a token for ${self ? "its own service account" : `service account '${e.objectRef.name}' in '${ns}'`}${long ? ` valid ${seconds}s` : ""}${allowedBy(e)}`,
      severity: ns === "kube-system" ? "critical" : self && !long ? "medium" : "high",
    };
  },
});
