import { defineStatefulDetection } from "../../define-detection";
import { describeTarget, isPublicIP, isSuccessful, isServiceAccount, networkOf } from "../../event-helpers";
import { cooldownOk, HOUR } from "../../state-helpers";

const CREDENTIAL_ID = "authentication.kubernetes.io/credential-id";
type State = { credentials: Record<string, string>; clusterNets: Record<string, number>; fired: Record<string, number> };

export default defineStatefulDetection<State>({
  id: "TWD-0005",
  name: "sa-token-outside-cluster",
  title: "Service-account token used outside the cluster / from wrong pod",
  severity: "high",
  tactic: "credential-access",
  description:
    "A service-account token was used from a public address outside the networks the cluster's workloads use, or the same token (user.extra credential-id) was presented from a second IP. Workload tokens do not leave the cluster unless stolen.",
  refs: { mitre: ["T1528", "T1550.001"], ms: ["MS-TA9016"], falco: [], elastic: ["Kubernetes Secret get or list from Node or Pod Service Account"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Service-account token used outside the cluster / from wrong pod"],
  initialState: () => ({ credentials: {}, clusterNets: {}, fired: {} }),
  step: (s, e, ctx) => {
    const user = e.user.username;
    if (!isServiceAccount(user) || !e.sourceIP) return;
    const cred = e.user.extra[CREDENTIAL_ID]?.[0];
    const net = networkOf(e.sourceIP);
    if (cred) {
      const first = (s.credentials[cred] ??= e.sourceIP);
      if (first !== e.sourceIP && cooldownOk(s.fired, `${cred}|${e.sourceIP}`, e.ts, 24 * HOUR)) {
        return { message: `The token of ${user} (${cred}) was used from ${e.sourceIP} after ${first}: ${e.verb} ${describeTarget(e)}`, severity: "high" };
      }
    }
    if (ctx.isLearning(e.ts) || !isPublicIP(e.sourceIP)) {
      s.clusterNets[net] ??= e.ts;
      return;
    }
    if (net in s.clusterNets || !isSuccessful(e) || !cooldownOk(s.fired, `${user}|${net}`, e.ts, 24 * HOUR)) return;
    return { message: `Service account ${user} was used from public address ${e.sourceIP}, outside the cluster's networks: ${e.verb} ${describeTarget(e)}`, severity: "high" };
  },
});
