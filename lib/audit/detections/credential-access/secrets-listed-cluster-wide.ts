import { matchesPatterns, SECRET_READERS } from "../../allowlists";
import { defineDetection } from "../../define-detection";
import { allowedBy, describePrincipal, isAllowed, isSystemPrincipal } from "../../event-helpers";

export default defineDetection({
  id: "TWD-0012",
  name: "secrets-listed-cluster-wide",
  title: "Secrets listed cluster-wide or in kube-system",
  severity: "high",
  tactic: "credential-access",
  description:
    "A principal that is not a known secret-reading controller listed or watched Secrets across all namespaces or in kube-system: a dump of the cluster's credentials.",
  refs: { mitre: ["T1552.007"], ms: ["MS-TA9025"], falco: [], sigma: ["Kubernetes Secrets Enumeration"], elastic: ["Kubernetes Secrets List Across Cluster or Sensitive Namespaces"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Secrets listed cluster-wide or in kube-system"],
  resources: ["secrets"],
  check: (e) => {
    if ((e.verb !== "list" && e.verb !== "watch") || !isAllowed(e) || (e.code !== undefined && e.code >= 400)) return;
    const ns = e.objectRef.namespace;
    if (ns && ns !== "kube-system") return;
    const user = e.user.username;
    if (isSystemPrincipal(user) || matchesPatterns(user, SECRET_READERS)) return;
    return {
      message: `${describePrincipal(e)} ${e.verb === "watch" ? "watched" : "listed"} secrets ${ns ? "in kube-system" : "across all namespaces"}${allowedBy(e)}`,
      severity: ns ? "high" : "critical",
    };
  },
});
