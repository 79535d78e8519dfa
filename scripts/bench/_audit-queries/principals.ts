/**
 * Who writes the audit log of a bench cluster, and how much: a few controller and node identities produce
 * most events (as in real clusters), dozens of other service accounts, humans and CI accounts little.
 * Each principal has the verbs and resources it uses (drawn uniformly, repeats weigh), a denial rate,
 * its source IP and user agent.
 */
export type BenchPrincipal = { username: string; kind: "heavy" | "node" | "sa" | "human" | "ci"; weight: number; verbs: string[]; resources: string[]; denyRate: number; ip: string; ua: string };

export const HEAVY_PRINCIPAL = "system:kube-controller-manager";
export const HUMAN_PRINCIPAL = "alice@corp.example";

const CONTROLLER_RESOURCES = ["pods", "pods", "replicasets", "deployments", "endpoints", "endpointslices", "leases", "events", "jobs", "serviceaccounts", "secrets", "configmaps", "nodes", "namespaces", "statefulsets", "daemonsets", "persistentvolumeclaims", "deployments/status", "replicasets/status"];
const READ_MOSTLY = ["get", "get", "get", "list", "watch", "get", "list"];
const HUMAN_RESOURCES = ["pods", "pods", "deployments", "services", "configmaps", "secrets", "pods/log", "pods/exec", "events", "namespaces", "nodes", "ingresses", "rolebindings", "clusterrolebindings"];

const heavy = (username: string, weight: number, resources: string[], verbs = ["get", "get", "get", "list", "watch", "update", "update", "patch", "patch", "create", "delete"]): BenchPrincipal => ({
  username, kind: "heavy", weight, verbs, resources, denyRate: 0.0005, ip: "10.0.0.10", ua: `${username.split(/[:]/).at(-1)}/v1.31.2 (linux/amd64) kubernetes/abc1234`,
});

export const benchPrincipals = (): BenchPrincipal[] => [
  heavy(HEAVY_PRINCIPAL, 18, CONTROLLER_RESOURCES),
  heavy("system:kube-scheduler", 7, ["pods", "pods/binding", "nodes", "leases", "persistentvolumeclaims", "csinodes", "events"]),
  heavy("system:serviceaccount:monitoring:prometheus", 8, ["pods", "endpoints", "services", "nodes", "nodes/metrics", "nodes/proxy"], READ_MOSTLY),
  heavy("system:serviceaccount:argocd:argocd-application-controller", 8, ["deployments", "services", "configmaps", "secrets", "ingresses", "statefulsets", "applications"], ["get", "list", "watch", "patch", "get", "get"]),
  heavy("system:serviceaccount:kube-system:coredns", 5, ["endpointslices", "services", "namespaces"], ["list", "watch", "watch"]),
  heavy("system:serviceaccount:kube-system:kube-proxy", 4, ["endpointslices", "services", "nodes"], ["list", "watch", "get"]),
  ...Array.from({ length: 20 }, (_, i): BenchPrincipal => ({
    username: `system:node:node-${String(i + 1).padStart(2, "0")}`, kind: "node", weight: 2, verbs: ["get", "get", "get", "patch", "patch", "watch", "list", "create"],
    resources: ["secrets", "configmaps", "pods", "pods/status", "nodes", "nodes/status", "leases", "serviceaccounts/token", "csinodes"], denyRate: 0.001, ip: `10.0.1.${i + 1}`, ua: "kubelet/v1.31.2 (linux/amd64) kubernetes/abc1234",
  })),
  ...Array.from({ length: 30 }, (_, i): BenchPrincipal => ({
    username: `system:serviceaccount:app-${i % 10}:worker-${i}`, kind: "sa", weight: 0.27, verbs: READ_MOSTLY, resources: ["configmaps", "secrets", "pods", "services", "leases"],
    denyRate: 0.02, ip: `10.2.${i}.${(i * 7) % 250}`, ua: "Go-http-client/2.0",
  })),
  ...Array.from({ length: 40 }, (_, i): BenchPrincipal => ({
    username: i === 0 ? HUMAN_PRINCIPAL : `user-${String(i).padStart(2, "0")}@corp.example`, kind: "human", weight: 0.04,
    verbs: ["get", "get", "list", "list", "watch", "create", "patch", "delete"], resources: HUMAN_RESOURCES, denyRate: 0.08, ip: `203.0.113.${i + 10}`, ua: "kubectl/v1.31.0 (darwin/arm64) kubernetes/9e1f7d2",
  })),
  ...Array.from({ length: 6 }, (_, i): BenchPrincipal => ({
    username: `system:serviceaccount:ci:deployer-${i}`, kind: "ci", weight: 0.1, verbs: ["get", "create", "patch", "update", "list"],
    resources: ["deployments", "services", "configmaps", "secrets", "ingresses", "jobs"], denyRate: 0.05, ip: `198.51.100.${i + 1}`, ua: "helm/v3.15.2",
  })),
];

export const NAMESPACES = ["default", "kube-system", "monitoring", "argocd", "ingress-nginx", "cert-manager", "logging", ...Array.from({ length: 10 }, (_, i) => `app-${i}`), "shop", "payments", "search", "data", "ml", "ci"];
export const CLUSTER_SCOPED = ["nodes", "namespaces", "clusterrolebindings", "clusterroles", "persistentvolumes", "csinodes", "nodes/status", "nodes/metrics", "nodes/proxy"];
