import { definePodRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { serviceAccountOf } from "./_practice/service-account";

export default definePodRule({
  id: "TWR-0159",
  name: "automount-service-account-token",
  title: "ServiceAccount token automounted",
  severity: "medium",
  theme: "pod-hardening",
  description:
    "Every pod gets an API token for its ServiceAccount unless automounting is disabled. A compromised container can use it against the " +
    "API server with whatever RBAC the account holds. The pod's automountServiceAccountToken wins over the ServiceAccount's; " +
    "when the pod leaves it unset, the ServiceAccount's value (if the ServiceAccount is in the snapshot) decides.",
  remediation:
    "Set automountServiceAccountToken: false in the pod spec (or on the ServiceAccount) for workloads that do not call the Kubernetes API; " +
    "where a token is needed, mount a projected, audience-bound token explicitly.",
  references: [
    "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting",
    "https://kubernetes.io/docs/concepts/security/service-accounts/",
  ],
  refs: {
    kubescape: ["C-0034", "C-0190"],
    cis: ["5.1.6"],
    polaris: ["automountServiceAccountToken"],
    checkov: ["CKV_K8S_38"],
    nsa: ["C-0034"],
  },
  check: (obj, pod, ctx) => {
    const path = `${pod.path}.automountServiceAccountToken`;
    const own = pod.spec.automountServiceAccountToken;
    if (own === false) return [];
    if (own === true) return [{ path, value: true, message: `${describeObject(obj)} sets ${path}=true, so its ServiceAccount token is mounted` }];
    const sa = serviceAccountOf(pod);
    const saObj = ctx.snapshot.get("ServiceAccount", obj.metadata?.namespace, sa.name);
    const saValue = saObj?.automountServiceAccountToken;
    if (saValue === false) return [];
    const why = saObj
      ? `ServiceAccount '${sa.name}' does not set automountServiceAccountToken=false`
      : `ServiceAccount '${sa.name}' (not in the scanned objects) is assumed to automount`;
    return [{ path, message: `${describeObject(obj)} mounts the ServiceAccount token: ${path} is unset and ${why}` }];
  },
});
