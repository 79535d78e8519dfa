import { defineStatefulDetection } from "../../define-detection";
import { describePrincipal, isSuccessful, isSystemPrincipal, MUTATE_VERBS, networkOf } from "../../event-helpers";
import { firstSeen } from "../../state-helpers";
import { userAgentFamily } from "../../user-agent";

type State = { seen: Record<string, number> };

export default defineStatefulDetection<State>({
  id: "TWD-0033",
  name: "daemonset-first-seen-principal",
  title: "DaemonSet created/modified by first-seen principal",
  severity: "medium",
  tactic: "persistence",
  description:
    "A DaemonSet (a pod on every node) was created or changed by a (principal, client, network) combination never seen changing DaemonSets before: a node-wide foothold.",
  refs: { mitre: ["T1610", "T1543.005"], ms: ["MS-TA9012"], falco: [], elastic: ["Unusual Kubernetes Sensitive Workload Modification"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["DaemonSet created/modified by first-seen principal"],
  resources: ["daemonsets"],
  initialState: () => ({ seen: {} }),
  step: (s, e, ctx) => {
    if (!MUTATE_VERBS.includes(e.verb) || e.objectRef.subresource || !isSuccessful(e)) return;
    const user = e.user.username;
    if (!user || isSystemPrincipal(user)) return;
    const family = userAgentFamily(e.userAgent);
    const key = `${user}|${family}|${e.sourceIP ? networkOf(e.sourceIP) : ""}`;
    if (!firstSeen(s.seen, key, e.ts, ctx)) return;
    return { message: `${describePrincipal(e)} ${e.verb === "create" ? "created" : "modified"} DaemonSet '${e.objectRef.name ?? "?"}' in '${e.objectRef.namespace ?? "?"}' (first time from ${family}${e.sourceIP ? ` at ${e.sourceIP}` : ""})` };
  },
});
