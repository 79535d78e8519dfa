import { WORKLOAD_CONTROLLER_KINDS } from "../scanner/pod-spec";
import { RULES } from "../scanner/rules";
import type { ApiResource } from "./discovery";

/** Resources the scanner reads, by "<group>/<resource>" ("" for core). Secrets are read as metadata only. */
const RESOURCES = new Set([
  "/namespaces", "/pods", "/services", "/serviceaccounts", "/configmaps", "/secrets", "/nodes", "/replicationcontrollers", "/podtemplates",
  "/persistentvolumes", "/persistentvolumeclaims", "/resourcequotas", "/limitranges",
  "apps/deployments", "apps/statefulsets", "apps/daemonsets", "apps/replicasets",
  "batch/jobs", "batch/cronjobs",
  "networking.k8s.io/networkpolicies", "networking.k8s.io/ingresses", "networking.k8s.io/ingressclasses",
  "rbac.authorization.k8s.io/roles", "rbac.authorization.k8s.io/rolebindings", "rbac.authorization.k8s.io/clusterroles", "rbac.authorization.k8s.io/clusterrolebindings",
  "policy/poddisruptionbudgets", "policy/podsecuritypolicies",
  "admissionregistration.k8s.io/validatingwebhookconfigurations", "admissionregistration.k8s.io/mutatingwebhookconfigurations",
  "admissionregistration.k8s.io/validatingadmissionpolicies", "admissionregistration.k8s.io/validatingadmissionpolicybindings",
  "apiextensions.k8s.io/customresourcedefinitions", "apiregistration.k8s.io/apiservices",
  "autoscaling/horizontalpodautoscalers", "node.k8s.io/runtimeclasses",
  "argoproj.io/rollouts",
  "gateway.networking.k8s.io/gateways", "gateway.networking.k8s.io/httproutes",
]);

/** Groups read whole: security tooling whose kinds vary by version (Trivy Operator, policy reports, Gatekeeper constraints, Istio). */
const WHOLE_GROUPS = new Set([
  "security.istio.io", "networking.istio.io", "aquasecurity.github.io", "wgpolicyk8s.io", "constraints.gatekeeper.sh", "templates.gatekeeper.sh",
  "kyverno.io",
]);

/** Kinds some registered rule targets, so the collector follows the rules as they are written. */
const ruleKinds = (): Set<string> => {
  const kinds = new Set<string>(["Pod", "PodTemplate", ...WORKLOAD_CONTROLLER_KINDS]);
  for (const rule of RULES) if (rule.type !== "pod") for (const k of rule.targets) kinds.add(k);
  return kinds;
};

let cachedKinds: Set<string> | undefined;

export const isCollected = (r: Pick<ApiResource, "group" | "resource" | "kind">, extraKinds: readonly string[] = []): boolean => {
  cachedKinds ??= ruleKinds();
  return RESOURCES.has(`${r.group}/${r.resource}`) || WHOLE_GROUPS.has(r.group) || cachedKinds.has(r.kind) || extraKinds.includes(r.kind);
};

/** The resources to list, each once, at its preferred version; only those that can be listed. */
export const collectTargets = (preferred: readonly ApiResource[], extraKinds: readonly string[] = []): ApiResource[] =>
  preferred.filter((r) => r.verbs.includes("list") && isCollected(r, extraKinds));

export const resourceLabel = (r: Pick<ApiResource, "group" | "resource">): string => (r.group ? `${r.resource}.${r.group}` : r.resource);
