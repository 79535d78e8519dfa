import { defineStatefulDetection } from "../../define-detection";
import { isAllowed, isAnonymous, isSystemPrincipal } from "../../event-helpers";
import { cooldownOk, distinct, HOUR, MINUTE, newWindow, slide, type Window } from "../../state-helpers";
import { userAgentFamily } from "../../user-agent";

const RESOURCES = ["namespaces", "nodes", "pods", "roles", "rolebindings", "clusterroles", "clusterrolebindings", "configmaps", "serviceaccounts", "secrets"];
type State = { windows: Record<string, Window>; fired: Record<string, number> };

export default defineStatefulDetection<State>({
  id: "TWD-0009",
  name: "multi-resource-discovery",
  title: "Multi-resource discovery burst by one principal",
  severity: "medium",
  tactic: "discovery",
  description:
    "One non-system principal, from one IP and client, read at least 4 different sensitive resource types (namespaces, nodes, pods, RBAC, configmaps, service accounts, secrets) within a minute: the survey an intruder runs after landing.",
  refs: { mitre: ["T1613"], ms: ["MS-TA9029"], falco: [], elastic: ["Kubernetes Multi-Resource Discovery"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Multi-resource discovery burst by one principal"],
  resources: RESOURCES,
  initialState: () => ({ windows: {}, fired: {} }),
  step: (s, e) => {
    if ((e.verb !== "get" && e.verb !== "list") || e.objectRef.subresource || !isAllowed(e)) return;
    const user = e.user.username;
    if (!user || isSystemPrincipal(user) || isAnonymous(e)) return;
    const family = userAgentFamily(e.userAgent);
    if (family === "ui") return;
    const key = `${user}|${e.sourceIP}|${family}`;
    const w = slide((s.windows[key] ??= newWindow()), [e.ts, e.auditID, e.objectRef.resource ?? "", ""], MINUTE);
    if (distinct(w, 2) < 4 || !cooldownOk(s.fired, key, e.ts, HOUR)) return;
    delete s.windows[key];
    return {
      message: `${user} read ${distinct(w, 2)} resource types (${[...new Set(w.e.map((x) => x[2]))].join(", ")}) within a minute from ${e.sourceIP || "?"} (${family})`,
      auditIDs: w.e.map((x) => x[1]),
      firstTs: w.e[0][0],
    };
  },
});
