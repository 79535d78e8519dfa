import { ANY_NAME, findAny, type RequestSet } from "./match";
import type { SourcedRule } from "./model";

/** A set of requests plus whether its resources are cluster-scoped (a RoleBinding cannot grant those). */
export type Need = RequestSet & { clusterScoped?: boolean };

/**
 * A dangerous ability, as RBAC requests: every group of `requires` must be met (AND), by any of its
 * request sets (OR). `namespaces` limits where it matters (kube-system ConfigMaps).
 */
export type Capability = { label: string; requires: Need[][]; namespaces?: string[] };

const RBAC = "rbac.authorization.k8s.io";
const ANY: Array<typeof ANY_NAME> = [ANY_NAME];

export const CAPABILITIES = {
  escalate: { label: "escalate (grant permissions it does not hold) on roles/clusterroles", requires: [[{ verbs: ["escalate"], groups: [RBAC], resources: ["roles", "clusterroles"], names: ANY }]] },
  bind: { label: "bind any role or clusterrole (create bindings to roles it does not hold)", requires: [[{ verbs: ["bind"], groups: [RBAC], resources: ["roles", "clusterroles"], names: ANY }]] },
  impersonate: {
    label: "impersonate users, groups or service accounts",
    requires: [[
      { verbs: ["impersonate"], groups: [""], resources: ["users", "groups"], names: ANY, clusterScoped: true },
      { verbs: ["impersonate"], groups: [""], resources: ["serviceaccounts"], names: ANY },
      { verbs: ["impersonate"], groups: ["authentication.k8s.io"], resources: ["uids", "userextras/scopes"], names: ANY, clusterScoped: true },
    ]],
  },
  writeRbac: {
    label: "create/update/patch RBAC roles and bindings",
    requires: [[
      { verbs: ["create", "update", "patch"], groups: [RBAC], resources: ["roles", "rolebindings"] },
      { verbs: ["create", "update", "patch"], groups: [RBAC], resources: ["clusterroles", "clusterrolebindings"], clusterScoped: true },
    ]],
  },
  exec: { label: "exec into or attach to containers (create/get on pods/exec or pods/attach)", requires: [[{ verbs: ["create", "get"], groups: [""], resources: ["pods/exec", "pods/attach"] }]] },
  portForward: { label: "port-forward into pods (create/get on pods/portforward)", requires: [[{ verbs: ["create", "get"], groups: [""], resources: ["pods/portforward"] }]] },
  nodesProxy: { label: "reach the kubelet API through nodes/proxy (get/create), which runs commands in any pod of the node", requires: [[{ verbs: ["get", "create"], groups: [""], resources: ["nodes/proxy"], clusterScoped: true }]] },
  createWorkloads: {
    label: "create pods or pod controllers, so run pods as any ServiceAccount of the namespace",
    requires: [[
      { verbs: ["create"], groups: [""], resources: ["pods"] },
      { verbs: ["create", "update", "patch"], groups: ["apps"], resources: ["deployments", "replicasets", "statefulsets", "daemonsets"] },
      { verbs: ["create", "update", "patch"], groups: ["batch"], resources: ["jobs", "cronjobs"] },
      { verbs: ["create", "update", "patch"], groups: [""], resources: ["replicationcontrollers"] },
    ]],
  },
  ephemeralContainers: { label: "add ephemeral containers to running pods (update/patch pods/ephemeralcontainers)", requires: [[{ verbs: ["update", "patch"], groups: [""], resources: ["pods/ephemeralcontainers"] }]] },
  sensitiveConfigMaps: {
    label: "update/patch ConfigMaps in kube-system (coredns, aws-auth, kube-proxy ...)",
    namespaces: ["kube-system"],
    requires: [[{ verbs: ["update", "patch"], groups: [""], resources: ["configmaps"], names: [undefined, "coredns", "aws-auth", "kube-proxy", "kubeadm-config", "kubelet-config", "cluster-info"] }]],
  },
  saToken: { label: "create ServiceAccount tokens (create serviceaccounts/token)", requires: [[{ verbs: ["create"], groups: [""], resources: ["serviceaccounts/token"] }]] },
  createPv: { label: "create PersistentVolumes (a hostPath volume mounts any node path)", requires: [[{ verbs: ["create"], groups: [""], resources: ["persistentvolumes"], clusterScoped: true }]] },
  approveCsr: {
    label: "approve CertificateSigningRequests (update certificatesigningrequests/approval and approve on signers)",
    requires: [
      [{ verbs: ["update", "patch"], groups: ["certificates.k8s.io"], resources: ["certificatesigningrequests/approval"], clusterScoped: true }],
      [{ verbs: ["approve"], groups: ["certificates.k8s.io"], resources: ["signers"], names: ANY, clusterScoped: true }],
    ],
  },
  createCsr: { label: "create CertificateSigningRequests", requires: [[{ verbs: ["create"], groups: ["certificates.k8s.io"], resources: ["certificatesigningrequests"], clusterScoped: true }]] },
  webhooks: {
    label: "create/update/patch/delete admission webhook configurations",
    requires: [[{ verbs: ["create", "update", "patch", "delete"], groups: ["admissionregistration.k8s.io"], resources: ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"], clusterScoped: true }]],
  },
  servicesStatus: { label: "update/patch services/status (set status.loadBalancer.ingress, CVE-2020-8554)", requires: [[{ verbs: ["update", "patch"], groups: [""], resources: ["services/status"] }]] },
  networking: {
    label: "rewrite traffic routing or isolation (write endpoints, endpointslices or networkpolicies, update/patch services)",
    requires: [[
      { verbs: ["create", "update", "patch"], groups: [""], resources: ["endpoints"] },
      { verbs: ["create", "update", "patch"], groups: ["discovery.k8s.io"], resources: ["endpointslices"] },
      { verbs: ["create", "update", "patch", "delete"], groups: ["networking.k8s.io"], resources: ["networkpolicies"] },
      { verbs: ["update", "patch"], groups: [""], resources: ["services"] },
    ]],
  },
  readSecrets: { label: "read Secrets (get/list/watch; list and watch return the values too)", requires: [[{ verbs: ["get", "list", "watch"], groups: [""], resources: ["secrets"] }]] },
} satisfies Record<string, Capability>;

const evaluateOnce = (rules: readonly SourcedRule[], cap: Capability, namespaced: boolean): SourcedRule[] | undefined => {
  const out: SourcedRule[] = [];
  for (const group of cap.requires) {
    let hit: SourcedRule | undefined;
    for (const need of group) {
      if (namespaced && need.clusterScoped) continue;
      hit = findAny(rules, need)?.rule;
      if (hit) break;
    }
    if (!hit) return undefined;
    out.push(hit);
  }
  return out;
};

type Evaluations = WeakMap<readonly SourcedRule[], Map<Capability, readonly SourcedRule[] | undefined>>;

// Thousands of bindings share a few roles (and their rules array): each role is evaluated once per capability.
const evaluations: { namespaced: Evaluations; clusterWide: Evaluations } = { namespaced: new WeakMap(), clusterWide: new WeakMap() };

/**
 * The rules that give the capability (one per required group), or undefined. With `namespaced`
 * (a RoleBinding's grant, or a Role), cluster-scoped request sets are ignored: they cannot be granted there.
 */
export const evaluate = (rules: readonly SourcedRule[], cap: Capability, namespaced: boolean): readonly SourcedRule[] | undefined => {
  const memo = namespaced ? evaluations.namespaced : evaluations.clusterWide;
  let byCapability = memo.get(rules);
  if (!byCapability) memo.set(rules, (byCapability = new Map()));
  if (!byCapability.has(cap)) byCapability.set(cap, evaluateOnce(rules, cap, namespaced));
  return byCapability.get(cap);
};
