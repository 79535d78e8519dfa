import type { K8sObject } from "../types";

/** Name prefixes of RBAC objects that Kubernetes or the managed platform creates and reconciles. */
export const DEFAULT_NAME_PREFIXES = ["system:", "eks:", "gce:"] as const;

/** The user-facing ClusterRoles every cluster ships (bootstrap policy). */
export const BUILTIN_CLUSTER_ROLES = ["cluster-admin", "admin", "edit", "view"] as const;

const AGG = "rbac.authorization.k8s.io/aggregate-to-";

export const hasDefaultName = (name: unknown): boolean => typeof name === "string" && DEFAULT_NAME_PREFIXES.some((p) => name.startsWith(p));

/**
 * Whether an RBAC object ships with Kubernetes or the platform: the bootstrapping label, a system:/eks:/gce:
 * name, one of the built-in ClusterRoles by name, or the bootstrap `cluster-admin` ClusterRoleBinding.
 * Such objects are excluded from findings by default: they are reconciled by the API server.
 */
export const isDefaultRbacObject = (obj: K8sObject): boolean => {
  const name = obj.metadata?.name;
  if (obj.metadata?.labels?.["kubernetes.io/bootstrapping"] === "rbac-defaults" || hasDefaultName(name)) return true;
  if (obj.kind === "ClusterRole") return typeof name === "string" && (BUILTIN_CLUSTER_ROLES as readonly string[]).includes(name);
  if (obj.kind === "ClusterRoleBinding") {
    const ref = obj.roleRef as { name?: unknown } | undefined;
    return name === "cluster-admin" && ref?.name === "cluster-admin";
  }
  return false;
};

const CORE_READ = ["pods", "pods/log", "pods/status", "replicationcontrollers", "replicationcontrollers/scale", "replicationcontrollers/status", "serviceaccounts", "services", "services/status", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "configmaps", "bindings", "events", "limitranges", "namespaces", "namespaces/status", "resourcequotas", "resourcequotas/status"];
const APPS = ["controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status"];
const READ = ["get", "list", "watch"];
const WRITE = ["create", "delete", "deletecollection", "patch", "update"];

const rule = (verbs: string[], apiGroups: string[], resources: string[]) => ({ apiGroups, resources, verbs });

/** The bootstrap policy's rules, condensed (kubernetes plugin/pkg/auth/authorizer/rbac/bootstrappolicy). */
const BUILTIN_DEFS: Record<(typeof BUILTIN_CLUSTER_ROLES)[number], { labels: Record<string, string>; selects?: string; rules: unknown[] }> = {
  "cluster-admin": { labels: {}, rules: [rule(["*"], ["*"], ["*"]), { nonResourceURLs: ["*"], verbs: ["*"] }] },
  view: {
    labels: { [`${AGG}edit`]: "true" },
    selects: `${AGG}view`,
    rules: [
      rule(READ, [""], CORE_READ),
      rule(READ, ["apps"], APPS),
      rule(READ, ["batch"], ["cronjobs", "cronjobs/status", "jobs", "jobs/status"]),
      rule(READ, ["autoscaling"], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"]),
      rule(READ, ["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"]),
      rule(READ, ["networking.k8s.io"], ["ingresses", "ingresses/status", "networkpolicies"]),
      rule(READ, ["discovery.k8s.io"], ["endpointslices"]),
    ],
  },
  edit: {
    labels: { [`${AGG}admin`]: "true" },
    selects: `${AGG}edit`,
    rules: [
      rule(WRITE, [""], ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"]),
      rule(["create"], [""], ["pods/eviction", "serviceaccounts/token"]),
      rule(WRITE, [""], ["configmaps", "events", "persistentvolumeclaims", "replicationcontrollers", "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"]),
      rule(["impersonate"], [""], ["serviceaccounts"]),
      rule(READ, [""], ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"]),
      rule(WRITE, ["apps"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale"]),
      rule(WRITE, ["autoscaling"], ["horizontalpodautoscalers"]),
      rule(WRITE, ["batch"], ["cronjobs", "jobs"]),
      rule(WRITE, ["policy"], ["poddisruptionbudgets"]),
      rule(WRITE, ["networking.k8s.io"], ["ingresses", "networkpolicies"]),
      rule(WRITE, ["discovery.k8s.io"], ["endpointslices"]),
    ],
  },
  admin: {
    labels: {},
    selects: `${AGG}admin`,
    rules: [
      rule([...READ, ...WRITE], ["rbac.authorization.k8s.io"], ["rolebindings", "roles"]),
      rule(["create"], ["authorization.k8s.io"], ["localsubjectaccessreviews"]),
    ],
  },
};

/** Stand-ins for the built-in ClusterRoles, used only when the snapshot does not hold them (manifests). */
export const builtinClusterRole = (name: string): K8sObject | undefined => {
  const def = BUILTIN_DEFS[name as keyof typeof BUILTIN_DEFS];
  if (!def) return undefined;
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRole",
    metadata: { name, labels: { "kubernetes.io/bootstrapping": "rbac-defaults", ...def.labels } },
    ...(def.selects ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [def.selects]: "true" } }] } } : {}),
    rules: def.rules,
  };
};
