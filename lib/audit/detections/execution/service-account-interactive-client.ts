import { defineStatefulDetection } from "../../define-detection";
import { describeTarget, isDeployer, isServiceAccount, isSystemPrincipal } from "../../event-helpers";
import { cooldownOk, HOUR } from "../../state-helpers";
import { isInteractiveFamily, userAgentFamily } from "../../user-agent";

type State = { fired: Record<string, number> };

export default defineStatefulDetection<State>({
  id: "TWD-0007",
  name: "service-account-interactive-client",
  title: "kubectl (or raw HTTP client) used by a pod service account",
  severity: "high",
  tactic: "execution",
  description:
    "A workload service account called the API with kubectl, curl, wget, a Python HTTP library or a bare Go-http-client instead of its application's client: someone is using the pod's token by hand. CI/GitOps service accounts are excluded. One alert per account and client per hour.",
  refs: { mitre: ["T1609", "T1613"], ms: ["MS-TA9016", "MS-TA9029"], falco: [], elastic: ["Kubernetes Denied Service Account Request via Unusual User Agent", "Direct Interactive Kubernetes API Request by Common Utilities"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["kubectl (or raw HTTP client) used by a pod service account"],
  initialState: () => ({ fired: {} }),
  step: (s, e) => {
    const user = e.user.username;
    if (!isServiceAccount(user) || isSystemPrincipal(user) || isDeployer(user)) return;
    const family = userAgentFamily(e.userAgent);
    if (!isInteractiveFamily(family) || !cooldownOk(s.fired, `${user}|${family}`, e.ts, HOUR)) return;
    return { message: `Service account ${user} used ${family} (${e.userAgent}): ${e.verb} ${describeTarget(e)} from ${e.sourceIP || "?"}`, evidence: { userAgentFamily: family } };
  },
});
