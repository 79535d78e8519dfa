import { defineDetection } from "../../define-detection";
import { describePrincipal, isSuccessful, isSystemPrincipal } from "../../event-helpers";

export default defineDetection({
  id: "TWD-0039",
  name: "service-account-in-system-namespace",
  title: "Service account created in kube-system/kube-public by non-controller",
  severity: "medium",
  tactic: "persistence",
  description: "A ServiceAccount was created in kube-system or kube-public by someone other than the platform: an identity to hide behind, often bound to powerful roles next.",
  refs: { mitre: ["T1136"], ms: ["MS-TA9016"], falco: ["Service Account Created in Kube Namespace"], sigma: ["New Kubernetes Service Account Created"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Service account created in kube-system/kube-public by non-controller"],
  resources: ["serviceaccounts"],
  check: (e) => {
    if (e.verb !== "create" || e.objectRef.subresource || !isSuccessful(e)) return;
    const ns = e.objectRef.namespace;
    if (ns !== "kube-system" && ns !== "kube-public") return;
    if (isSystemPrincipal(e.user.username)) return;
    return { message: `${describePrincipal(e)} created service account '${e.objectRef.name ?? "?"}' in '${ns}'` };
  },
});
