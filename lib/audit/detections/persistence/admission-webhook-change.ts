import { matchesPatterns, WEBHOOK_OPERATORS } from "../../allowlists";
import { defineDetection } from "../../define-detection";
import { describePrincipal, isSuccessful, isSystemPrincipal, pastTense, WRITE_VERBS } from "../../event-helpers";

type Obj = Record<string, unknown>;
const RESOURCES = ["mutatingwebhookconfigurations", "validatingwebhookconfigurations", "validatingadmissionpolicies", "validatingadmissionpolicybindings"];
const objs = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => !!x && typeof x === "object") : []);

/** Why a webhook set is dangerous: external URL, fail-open, match-everything, kube-system carved out. */
const risks = (object: Obj | undefined): string[] => {
  const out = new Set<string>();
  for (const w of objs(object?.webhooks)) {
    if (typeof (w.clientConfig as Obj | undefined)?.url === "string") out.add(`calls external URL ${(w.clientConfig as Obj).url}`);
    if (w.failurePolicy === "Ignore") out.add("failurePolicy=Ignore");
    for (const r of objs(w.rules)) {
      const all = (k: string) => Array.isArray(r[k]) && (r[k] as unknown[]).includes("*");
      if (all("apiGroups") && all("resources")) out.add("rules match */*");
    }
    const exprs = objs((w.namespaceSelector as Obj | undefined)?.matchExpressions);
    if (exprs.some((x) => x.operator === "NotIn" && Array.isArray(x.values) && x.values.includes("kube-system"))) out.add("namespaceSelector excludes kube-system");
  }
  return [...out];
};

export default defineDetection({
  id: "TWD-0041",
  name: "admission-webhook-change",
  title: "Admission webhook / policy configuration created, changed or deleted",
  severity: "high",
  tactic: "persistence",
  description:
    "A mutating or validating webhook configuration, or a ValidatingAdmissionPolicy, was created, changed or deleted by a principal that is not a known operator. A mutating webhook sees and rewrites every object; deleting a validating one removes a guard. Critical when it calls an external URL, fails open, matches everything or exempts kube-system.",
  refs: { mitre: ["T1546", "T1562.001"], ms: ["MS-TA9015"], falco: [], sigma: ["Kubernetes Admission Controller Modification"], elastic: ["Kubernetes Admission Webhook Created or Modified"] },
  needs: { level: "Request", stage: "ResponseComplete" },
  covers: ["Admission webhook / policy configuration created, changed or deleted"],
  resources: RESOURCES,
  check: (e) => {
    if (!WRITE_VERBS.includes(e.verb) || !isSuccessful(e)) return;
    if (e.objectRef.apiGroup && e.objectRef.apiGroup !== "admissionregistration.k8s.io") return;
    const user = e.user.username;
    if (isSystemPrincipal(user) || matchesPatterns(user, WEBHOOK_OPERATORS)) return;
    const why = e.verb.startsWith("delete") ? [] : risks(e.object);
    return {
      message: `${describePrincipal(e)} ${pastTense(e.verb)} ${e.objectRef.resource} '${e.objectRef.name ?? "?"}'${why.length ? `: ${why.join(", ")}` : ""}`,
      severity: why.length ? "critical" : "high",
    };
  },
});
