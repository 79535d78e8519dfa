import { defineDetection, type Match } from "../../define-detection";
import { describePrincipal, isSuccessful, isSystemPrincipal } from "../../event-helpers";

const ENFORCE = "pod-security.kubernetes.io/enforce";

export default defineDetection({
  id: "TWD-0044",
  name: "pod-security-weakened",
  title: "Pod Security admission weakened or violated",
  severity: "medium",
  tactic: "defense-evasion",
  description:
    "A namespace's pod-security.kubernetes.io/enforce label was set to privileged or removed, or a pod was admitted with Pod Security audit violations or under an exemption (from the pod-security.kubernetes.io/* audit annotations).",
  refs: { mitre: ["T1562.001", "T1610"], ms: ["MS-TA9018"], falco: [] },
  needs: { level: "Request", stage: "ResponseComplete" },
  covers: ["Pod Security admission weakened or violated"],
  resources: ["namespaces", "pods", "deployments", "daemonsets", "statefulsets", "replicasets", "jobs", "cronjobs"],
  check: (e) => {
    if (!isSuccessful(e)) return;
    const out: Match[] = [];
    if (e.objectRef.resource === "namespaces" && (e.verb === "patch" || e.verb === "update") && !isSystemPrincipal(e.user.username)) {
      const labels = ((e.object?.metadata as Record<string, unknown> | undefined)?.labels ?? {}) as Record<string, unknown>;
      const request = ((e.requestObject as { metadata?: { labels?: Record<string, unknown> } } | undefined)?.metadata?.labels ?? {}) as Record<string, unknown>;
      const removed = e.requestPatch?.some((op) => op.op === "remove" && op.path === `/metadata/labels/${ENFORCE.replace("/", "~1")}`) || (ENFORCE in request && request[ENFORCE] === null);
      if (labels[ENFORCE] === "privileged" || removed) {
        out.push({ message: `${describePrincipal(e)} ${removed ? "removed" : "set to privileged"} the Pod Security enforce label of namespace '${e.objectRef.name ?? "?"}'` });
      }
    }
    if (e.verb === "create" || e.verb === "update" || e.verb === "patch") {
      const violations = e.annotations["pod-security.kubernetes.io/audit-violations"];
      const exempt = e.annotations["pod-security.kubernetes.io/exempt"];
      if (violations) out.push({ message: `${describePrincipal(e)} ${e.verb} ${e.objectRef.resource} '${e.objectRef.name ?? "?"}' in '${e.objectRef.namespace ?? "?"}' violating Pod Security: ${violations}`, severity: "low" });
      if (exempt) out.push({ message: `${e.objectRef.resource} '${e.objectRef.name ?? "?"}' in '${e.objectRef.namespace ?? "?"}' was admitted under a Pod Security exemption (${exempt})` });
    }
    return out;
  },
});
