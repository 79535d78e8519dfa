import { defineStatefulDetection } from "../../define-detection";
import { describeTarget, isAnonymous, isSystemPrincipal, resourceOf } from "../../event-helpers";
import { firstSeen } from "../../state-helpers";
import { isAttackToolFamily, isScriptingFamily, userAgentFamily } from "../../user-agent";

type State = { seen: Record<string, number>; known: Record<string, number> };
const SENSITIVE = ["secrets", "pods", "pods/exec", "pods/attach", "roles", "rolebindings", "clusterroles", "clusterrolebindings"];

export default defineStatefulDetection<State>({
  id: "TWD-0006",
  name: "new-user-agent-family",
  title: "New user-agent family for principal (curl/python/Go-http/kubectl-from-SA/attack tools)",
  severity: "medium",
  tactic: "execution",
  description:
    "A known principal used a client family (kubectl, curl, python-requests, Go-http-client, an attack tool...) it had never used before. High when the family is a scripting or attack tool and the request touches secrets, RBAC, pods or exec; attack tools alert even for principals seen for the first time.",
  refs: { mitre: ["T1078", "T1059"], ms: ["MS-TA9029"], falco: [], sigma: ["Kubernetes Potential Enumeration Activity"], elastic: ["Kubernetes Forbidden Request from Unusual User Agent", "Kubernetes Unusual Decision by User Agent", "Kubernetes Secret Access via Unusual User Agent"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["New user-agent family for principal (curl/python/Go-http/kubectl-from-SA/attack tools)"],
  initialState: () => ({ seen: {}, known: {} }),
  step: (s, e, ctx) => {
    const user = e.user.username;
    if (!user || isSystemPrincipal(user) || isAnonymous(e)) return;
    const wasKnown = user in s.known;
    s.known[user] ??= e.ts;
    const family = userAgentFamily(e.userAgent);
    const isNew = firstSeen(s.seen, `${user}|${family}`, e.ts, ctx);
    const tool = isAttackToolFamily(family);
    if (!isNew || (!wasKnown && !tool)) return;
    const risky = (tool || isScriptingFamily(family)) && SENSITIVE.includes(resourceOf(e));
    return {
      message: `${user} used ${family} for the first time (${e.userAgent || "no user agent"}): ${e.verb} ${describeTarget(e)}`,
      severity: tool || risky ? "high" : "medium",
      evidence: { userAgentFamily: family },
    };
  },
});
