/** One resource type as discovery describes it. `versions` are the versions the group serves it at. */
export type SimResource = {
  group: string;
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  versions: string[];
  /** Built-in types omit apiVersion/kind on list items, as the real server does; custom resources keep them. */
  builtin: boolean;
};

type Row = [group: string, versions: string, resource: string, kind: string, namespaced: boolean, shortNames?: string];

/** The standard built-in set (the versions a recent cluster serves), so that empty namespaces still list. */
const BUILTIN: Row[] = [
  ["", "v1", "componentstatuses", "ComponentStatus", false, "cs"],
  ["", "v1", "configmaps", "ConfigMap", true, "cm"],
  ["", "v1", "endpoints", "Endpoints", true, "ep"],
  ["", "v1", "events", "Event", true, "ev"],
  ["", "v1", "limitranges", "LimitRange", true, "limits"],
  ["", "v1", "namespaces", "Namespace", false, "ns"],
  ["", "v1", "nodes", "Node", false, "no"],
  ["", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, "pvc"],
  ["", "v1", "persistentvolumes", "PersistentVolume", false, "pv"],
  ["", "v1", "pods", "Pod", true, "po"],
  ["", "v1", "podtemplates", "PodTemplate", true],
  ["", "v1", "replicationcontrollers", "ReplicationController", true, "rc"],
  ["", "v1", "resourcequotas", "ResourceQuota", true, "quota"],
  ["", "v1", "secrets", "Secret", true],
  ["", "v1", "serviceaccounts", "ServiceAccount", true, "sa"],
  ["", "v1", "services", "Service", true, "svc"],
  ["apps", "v1", "controllerrevisions", "ControllerRevision", true],
  ["apps", "v1", "daemonsets", "DaemonSet", true, "ds"],
  ["apps", "v1", "deployments", "Deployment", true, "deploy"],
  ["apps", "v1", "replicasets", "ReplicaSet", true, "rs"],
  ["apps", "v1", "statefulsets", "StatefulSet", true, "sts"],
  ["batch", "v1", "cronjobs", "CronJob", true, "cj"],
  ["batch", "v1", "jobs", "Job", true],
  ["autoscaling", "v2,v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, "hpa"],
  ["networking.k8s.io", "v1", "ingressclasses", "IngressClass", false],
  ["networking.k8s.io", "v1", "ingresses", "Ingress", true, "ing"],
  ["networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, "netpol"],
  ["rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false],
  ["rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false],
  ["rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true],
  ["rbac.authorization.k8s.io", "v1", "roles", "Role", true],
  ["policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, "pdb"],
  ["policy", "", "podsecuritypolicies", "PodSecurityPolicy", false, "psp"],
  ["extensions", "", "podsecuritypolicies", "PodSecurityPolicy", false, "psp"],
  ["admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", false],
  ["admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", false],
  ["admissionregistration.k8s.io", "v1", "validatingadmissionpolicies", "ValidatingAdmissionPolicy", false],
  ["admissionregistration.k8s.io", "v1", "validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding", false],
  ["apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false, "crd,crds"],
  ["apiregistration.k8s.io", "v1", "apiservices", "APIService", false],
  ["storage.k8s.io", "v1", "storageclasses", "StorageClass", false, "sc"],
  ["storage.k8s.io", "v1", "csidrivers", "CSIDriver", false],
  ["scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass", false, "pc"],
  ["coordination.k8s.io", "v1", "leases", "Lease", true],
  ["discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true],
  ["certificates.k8s.io", "v1", "certificatesigningrequests", "CertificateSigningRequest", false, "csr"],
  ["node.k8s.io", "v1", "runtimeclasses", "RuntimeClass", false],
  ["authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false],
  ["authorization.k8s.io", "v1", "selfsubjectrulesreviews", "SelfSubjectRulesReview", false],
];

/** Kinds that moved between groups: an object written for the old group is served there. */
const OLD_GROUP_KINDS: Record<string, string[]> = {
  extensions: ["Deployment", "DaemonSet", "ReplicaSet", "Ingress", "NetworkPolicy"],
};

/** Subjects of create-only APIs: discovery shows them, but they are not listable. */
export const REVIEW_RESOURCES = new Set(["selfsubjectaccessreviews", "selfsubjectrulesreviews"]);

export const builtinResources = (): SimResource[] =>
  BUILTIN.map(([group, versions, resource, kind, namespaced, shortNames]) => ({
    group, resource, kind, namespaced, builtin: true,
    singular: kind.toLowerCase(),
    shortNames: shortNames ? shortNames.split(",") : [],
    versions: versions ? versions.split(",") : [],
  }));

/** Finds the built-in definition of a kind in a group, including kinds that used to live in `extensions`. */
export const builtinFor = (all: SimResource[], group: string, kind: string): SimResource | undefined => {
  const own = all.find((r) => r.builtin && r.group === group && r.kind === kind);
  if (own || !OLD_GROUP_KINDS[group]?.includes(kind)) return own;
  const model = all.find((r) => r.builtin && r.kind === kind);
  if (!model) return undefined;
  const copy: SimResource = { ...model, group, versions: [] };
  all.push(copy);
  return copy;
};

/** The plural a CRD author would most likely pick, as `kubectl` guesses it. */
export const pluralOf = (kind: string): string => {
  const k = kind.toLowerCase();
  if (/[^aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(k)) return `${k}es`;
  return `${k}s`;
};

const VERSION_RE = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

/** Kubernetes version priority: GA before beta before alpha, then higher numbers first. Returns a sort key. */
const versionRank = (v: string): [number, number, number] => {
  const m = VERSION_RE.exec(v);
  if (!m) return [0, 0, 0];
  const stability = m[2] === undefined ? 3 : m[2] === "beta" ? 2 : 1;
  return [stability, Number(m[1]), Number(m[3] ?? 0)];
};

export const sortVersions = (versions: Iterable<string>): string[] =>
  [...new Set(versions)].sort((a, b) => {
    const [x, y] = [versionRank(a), versionRank(b)];
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return y[i] - x[i];
    return a.localeCompare(b);
  });

export const splitApiVersion = (apiVersion: string): { group: string; version: string } => {
  const i = apiVersion.indexOf("/");
  return i < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
};
