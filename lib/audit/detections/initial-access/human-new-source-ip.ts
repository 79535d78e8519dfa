import { defineStatefulDetection } from "../../define-detection";
import { isHumanLike, networkOf, resourceOf } from "../../event-helpers";
import { firstSeen } from "../../state-helpers";
import { userAgentFamily } from "../../user-agent";

type State = { nets: Record<string, number>; uas: Record<string, number>; known: Record<string, number> };
const SENSITIVE = ["secrets", "clusterrolebindings", "rolebindings", "clusterroles", "roles", "pods/exec", "pods/attach", "serviceaccounts/token"];

export default defineStatefulDetection<State>({
  id: "TWD-0004",
  name: "human-new-source-ip",
  title: "Human credential used from new source IP/ASN",
  severity: "medium",
  tactic: "initial-access",
  description:
    "A known non-system principal made a request from a network (/24, or /48 for IPv6) it has not used before. Stolen kubeconfigs and cloud credentials are used from the attacker's network. Raised to high when the first request from there is sensitive or the client family is also new.",
  refs: { mitre: ["T1078", "T1078.004"], ms: ["MS-TA9001", "MS-TA9003"], falco: [], elastic: ["GKE Secrets List from Unusual Source AS Organization"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Human credential used from new source IP/ASN"],
  initialState: () => ({ nets: {}, uas: {}, known: {} }),
  step: (s, e, ctx) => {
    if (!isHumanLike(e) || !e.sourceIP) return;
    const user = e.user.username;
    const wasKnown = user in s.known;
    s.known[user] ??= e.ts;
    const family = userAgentFamily(e.userAgent);
    const newUa = firstSeen(s.uas, `${user}|${family}`, e.ts, ctx);
    const net = networkOf(e.sourceIP);
    if (!firstSeen(s.nets, `${user}|${net}`, e.ts, ctx) || !wasKnown) return;
    const sensitive = SENSITIVE.includes(resourceOf(e));
    return {
      message: `${user} used the API from a new network ${net} (${e.sourceIP}, ${family})${sensitive ? `; first request touches ${resourceOf(e)}` : ""}`,
      severity: sensitive || newUa ? "high" : "medium",
      evidence: { network: net, userAgentFamily: family },
    };
  },
});
