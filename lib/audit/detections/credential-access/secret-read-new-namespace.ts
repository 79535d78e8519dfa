import { matchesPatterns, SECRET_READERS } from "../../allowlists";
import { defineStatefulDetection } from "../../define-detection";
import { allowedBy, describePrincipal, isDeployer, isSuccessful, isSystemPrincipal, READ_VERBS } from "../../event-helpers";
import { firstSeen } from "../../state-helpers";

type State = { seen: Record<string, number> };

export default defineStatefulDetection<State>({
  id: "TWD-0013",
  name: "secret-read-new-namespace",
  title: "Secret read by principal never seen reading that namespace",
  severity: "medium",
  tactic: "credential-access",
  description:
    "A principal read Secrets in a namespace where it had never read any before (after the learning period). Helm release secrets read by deployers and known secret-reading controllers are excluded.",
  refs: { mitre: ["T1552.007"], ms: ["MS-TA9025"], falco: ["K8s Secret Get Successfully"], elastic: ["Kubernetes Secret Access via Unusual User Agent", "Kubernetes Secret get or list from Node or Pod Service Account"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Secret read by principal never seen reading that namespace"],
  resources: ["secrets"],
  initialState: () => ({ seen: {} }),
  step: (s, e, ctx) => {
    if (!READ_VERBS.includes(e.verb) || !isSuccessful(e)) return;
    const user = e.user.username;
    if (!user || isSystemPrincipal(user) || matchesPatterns(user, SECRET_READERS)) return;
    if (isDeployer(user) && (e.objectRef.name ?? "").startsWith("sh.helm.release.v1.")) return;
    const ns = e.objectRef.namespace ?? "(all namespaces)";
    if (!firstSeen(s.seen, `${user}|${ns}`, e.ts, ctx)) return;
    return { message: `${describePrincipal(e)} read secrets in namespace '${ns}' for the first time (${e.verb}${e.objectRef.name ? ` '${e.objectRef.name}'` : ""})${allowedBy(e)}` };
  },
});
