import { stringify } from "yaml";

/** What Tower reads, by API group: get/list/watch only. Kept in step with collect-targets.ts. */
export const READ_RULES: Array<{ apiGroups: string[]; resources: string[] }> = [
  { apiGroups: [""], resources: ["namespaces", "pods", "services", "serviceaccounts", "configmaps", "nodes", "replicationcontrollers", "podtemplates", "persistentvolumes", "persistentvolumeclaims", "resourcequotas", "limitranges"] },
  { apiGroups: ["apps"], resources: ["deployments", "statefulsets", "daemonsets", "replicasets"] },
  { apiGroups: ["batch"], resources: ["jobs", "cronjobs"] },
  { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies", "ingresses", "ingressclasses"] },
  { apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles", "rolebindings", "clusterroles", "clusterrolebindings"] },
  { apiGroups: ["policy"], resources: ["poddisruptionbudgets"] },
  { apiGroups: ["admissionregistration.k8s.io"], resources: ["validatingwebhookconfigurations", "mutatingwebhookconfigurations", "validatingadmissionpolicies", "validatingadmissionpolicybindings"] },
  { apiGroups: ["apiextensions.k8s.io"], resources: ["customresourcedefinitions"] },
  { apiGroups: ["apiregistration.k8s.io"], resources: ["apiservices"] },
  { apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"] },
  { apiGroups: ["node.k8s.io"], resources: ["runtimeclasses"] },
  { apiGroups: ["argoproj.io"], resources: ["rollouts"] },
  { apiGroups: ["gateway.networking.k8s.io"], resources: ["gateways", "httproutes"] },
  { apiGroups: ["security.istio.io", "networking.istio.io"], resources: ["*"] },
  { apiGroups: ["aquasecurity.github.io", "wgpolicyk8s.io", "constraints.gatekeeper.sh", "templates.gatekeeper.sh", "kyverno.io"], resources: ["*"] },
];

const VERBS = ["get", "list", "watch"];

/**
 * The minimal read-only access for Tower: a namespace, a ServiceAccount, a ClusterRole with get/list/watch
 * on what the rules need, its binding, and a long-lived token Secret. Secrets are left out unless
 * `includeSecrets`: RBAC cannot grant "list Secrets without their data", so that variant is an explicit
 * opt-in (Tower itself only ever requests Secret metadata).
 */
export const readerManifest = (opts: { namespace?: string; includeSecrets?: boolean } = {}): string => {
  const ns = opts.namespace ?? "tower-system";
  const rules = READ_RULES.map((r) => ({ ...r, verbs: VERBS }));
  if (opts.includeSecrets) rules.push({ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] });
  const docs = [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: ns, labels: { "pod-security.kubernetes.io/enforce": "restricted" } } },
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "tower-reader", namespace: ns } },
    { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "tower-reader" }, rules },
    { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "tower-reader" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "tower-reader" }, subjects: [{ kind: "ServiceAccount", name: "tower-reader", namespace: ns }] },
    { apiVersion: "v1", kind: "Secret", metadata: { name: "tower-reader-token", namespace: ns, annotations: { "kubernetes.io/service-account.name": "tower-reader" } }, type: "kubernetes.io/service-account-token" },
  ];
  const header = `# Tower read-only access${opts.includeSecrets ? " (with Secret metadata: grants get/list on secrets)" : ""}.\n# Apply: kubectl apply -f tower-reader.yaml\n# Then read the token and CA:\n#   kubectl -n ${ns} get secret tower-reader-token -o jsonpath='{.data.token}' | base64 -d\n#   kubectl -n ${ns} get secret tower-reader-token -o jsonpath='{.data.ca\\.crt}'\n`;
  return header + docs.map((d) => stringify(d)).join("---\n");
};
