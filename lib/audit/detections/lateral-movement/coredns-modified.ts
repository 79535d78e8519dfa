import { defineDetection } from "../../define-detection";
import { allowedBy, describePrincipal, isSuccessful, isSystemPrincipal, pastTense } from "../../event-helpers";

const DNS_CONFIGMAPS = ["coredns", "coredns-custom", "kube-dns"];

export default defineDetection({
  id: "TWD-0045",
  name: "coredns-modified",
  title: "CoreDNS / kube-dns configuration modified",
  severity: "high",
  tactic: "lateral-movement",
  description: "The cluster DNS configuration (kube-system ConfigMaps coredns, coredns-custom, kube-dns) was changed or deleted by a non-system principal: a rewrite rule sends any service name to an attacker.",
  refs: { mitre: ["T1565.001", "T1557"], ms: ["MS-TA9035"], falco: [], elastic: ["Kubernetes CoreDNS or Kube-DNS Configuration Modified"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["CoreDNS / kube-dns configuration modified"],
  resources: ["configmaps"],
  check: (e) => {
    if (!["update", "patch", "delete"].includes(e.verb) || !isSuccessful(e)) return;
    if (e.objectRef.namespace !== "kube-system" || !DNS_CONFIGMAPS.includes(e.objectRef.name ?? "")) return;
    if (isSystemPrincipal(e.user.username)) return;
    return { message: `${describePrincipal(e)} ${pastTense(e.verb)} ConfigMap kube-system/${e.objectRef.name}${allowedBy(e)}` };
  },
});
