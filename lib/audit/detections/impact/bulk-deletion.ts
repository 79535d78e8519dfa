import { defineStatefulDetection } from "../../define-detection";
import { isSuccessful, isSystemPrincipal } from "../../event-helpers";
import { cooldownOk, distinct, HOUR, MINUTE, newWindow, slide, type Window } from "../../state-helpers";

type State = { windows: Record<string, Window>; fired: Record<string, number> };
const RESOURCES = ["deployments", "statefulsets", "daemonsets", "namespaces", "persistentvolumeclaims", "persistentvolumes"];

export default defineStatefulDetection<State>({
  id: "TWD-0048",
  name: "bulk-deletion",
  title: "Bulk deletion of workloads/namespaces by one principal",
  severity: "high",
  tactic: "impact",
  description:
    "One non-system principal deleted at least 5 workloads, namespaces or volumes, or deleted them across 2 or more namespaces, within 10 minutes (a deletecollection counts as 5): destruction or ransom.",
  refs: { mitre: ["T1485", "T1489"], ms: ["MS-TA9038"], falco: ["K8s Deployment Deleted", "K8s Namespace Deleted"], sigma: ["Deployment Deleted From Kubernetes Cluster"], elastic: ["Azure Kubernetes Services (AKS) Kubernetes Pods Deleted"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Bulk deletion of workloads/namespaces by one principal"],
  resources: RESOURCES,
  initialState: () => ({ windows: {}, fired: {} }),
  step: (s, e) => {
    if ((e.verb !== "delete" && e.verb !== "deletecollection") || e.objectRef.subresource || !isSuccessful(e)) return;
    const user = e.user.username;
    if (isSystemPrincipal(user)) return;
    const ns = e.objectRef.resource === "namespaces" ? (e.objectRef.name ?? "") : (e.objectRef.namespace ?? "");
    const w = (s.windows[user] ??= newWindow());
    for (let i = 0; i < (e.verb === "deletecollection" ? 5 : 1); i++) slide(w, [e.ts, e.auditID, ns, `${e.objectRef.resource}/${e.objectRef.name}`], 10 * MINUTE);
    if ((w.e.length < 5 && distinct(w, 2) < 2) || !cooldownOk(s.fired, user, e.ts, HOUR)) return;
    delete s.windows[user];
    const ids = [...new Set(w.e.map((x) => x[1]))];
    return {
      message: `${user} deleted ${ids.length} object(s)${e.verb === "deletecollection" ? " (including a deletecollection)" : ""} across ${distinct(w, 2)} namespace(s) within 10 minutes: ${[...new Set(w.e.map((x) => x[3]))].slice(0, 5).join(", ")}`,
      auditIDs: ids,
      firstTs: w.e[0][0],
    };
  },
});
