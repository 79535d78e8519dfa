import { podSpecOf, WORKLOAD_CONTROLLER_KINDS, type PodSpecRef } from "../../../pod-spec";
import type { Snapshot } from "../../../snapshot";
import type { K8sObject } from "../../../types";
import { isEmptySelector, matchesSelector, type Labels } from "./selectors";

/** Namespaces the peers (kubescape, kubeaudit) leave out of network isolation checks: the control plane's own. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(["kube-system", "kube-public", "kube-node-lease"]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** One isolating unit: a NetworkPolicy, or one spec of a Cilium(Clusterwide)NetworkPolicy. `namespace` undefined = cluster-wide. */
export type PolicyView = {
  obj: K8sObject;
  namespace?: string;
  selector: unknown;
  cilium: boolean;
  ingress: boolean;
  egress: boolean;
  /** Isolates the direction and allows nothing in it: a default deny when the selector is empty. */
  denyIngress: boolean;
  denyEgress: boolean;
};

export type Workload = { obj: K8sObject; pod: PodSpecRef; namespace: string; labels: Labels };

const ciliumKey = (k: string) => k.replace(/^(k8s|any):/, "");
const emptyRules = (rules: unknown) => rules === undefined || (Array.isArray(rules) && rules.length === 0);
const ciliumDeny = (rules: unknown) => Array.isArray(rules) && rules.every((r) => isRecord(r) && Object.keys(r).length === 0);

const networkPolicyView = (obj: K8sObject): PolicyView => {
  const spec = isRecord(obj.spec) ? obj.spec : {};
  const types = Array.isArray(spec.policyTypes) ? spec.policyTypes : ["Ingress", ...(spec.egress !== undefined ? ["Egress"] : [])];
  const ingress = types.includes("Ingress");
  const egress = types.includes("Egress");
  return {
    obj, namespace: obj.metadata?.namespace ?? "default", selector: spec.podSelector, cilium: false, ingress, egress,
    denyIngress: ingress && emptyRules(spec.ingress), denyEgress: egress && emptyRules(spec.egress),
  };
};

const ciliumViews = (obj: K8sObject): PolicyView[] => {
  const specs = Array.isArray(obj.specs) ? obj.specs : isRecord(obj.spec) ? [obj.spec] : [];
  const namespace = obj.kind === "CiliumClusterwideNetworkPolicy" ? undefined : (obj.metadata?.namespace ?? "default");
  return specs.filter((s): s is Record<string, unknown> => isRecord(s) && isRecord(s.endpointSelector)).map((s) => ({
    obj, namespace, selector: s.endpointSelector, cilium: true,
    ingress: s.ingress !== undefined || s.ingressDeny !== undefined,
    egress: s.egress !== undefined || s.egressDeny !== undefined,
    denyIngress: ciliumDeny(s.ingress) && s.ingressDeny === undefined,
    denyEgress: ciliumDeny(s.egress) && s.egressDeny === undefined,
  }));
};

export const selects = (p: PolicyView, namespace: string, labels: Labels): boolean => {
  if (p.namespace !== undefined && p.namespace !== namespace) return false;
  if (!p.cilium) return matchesSelector(p.selector, labels);
  const withNs = { ...labels, "io.kubernetes.pod.namespace": namespace };
  return matchesSelector(p.selector, withNs, ciliumKey);
};

const controlledByPresentOwner = (obj: K8sObject, snapshot: Snapshot): boolean =>
  (Array.isArray(obj.metadata?.ownerReferences) ? obj.metadata.ownerReferences : []).some(
    (o) => o?.controller === true && !!o.kind && WORKLOAD_CONTROLLER_KINDS.has(o.kind) && !!o.name && !!snapshot.get(o.kind, obj.metadata?.namespace, o.name),
  );

const pushTo = <T,>(map: Map<string, T[]>, key: string, value: T) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export type NetworkIndex = {
  policies: PolicyView[];
  policiesIn: (namespace: string) => PolicyView[];
  workloads: Workload[];
  workloadsIn: (namespace: string) => Workload[];
  /** Namespaces that exist (Namespace objects) or hold workloads, system namespaces excluded. */
  userNamespaces: () => Array<{ name: string; obj: K8sObject }>;
};

/** Built once per scan and shared by every network-policy rule. */
export const networkIndex = (snapshot: Snapshot): NetworkIndex =>
  snapshot.memo("network-policy:index", () => {
    const policies = [
      ...snapshot.byKind("NetworkPolicy").map(networkPolicyView),
      ...snapshot.byKind("CiliumNetworkPolicy").flatMap(ciliumViews),
      ...snapshot.byKind("CiliumClusterwideNetworkPolicy").flatMap(ciliumViews),
    ];
    const byNs = new Map<string, PolicyView[]>();
    const clusterWide = policies.filter((p) => p.namespace === undefined);
    for (const p of policies) if (p.namespace !== undefined) pushTo(byNs, p.namespace, p);
    const workloads: Workload[] = [];
    const wByNs = new Map<string, Workload[]>();
    for (const obj of snapshot.objects) {
      const pod = podSpecOf(obj);
      if (!pod || obj.kind === "PodTemplate" || controlledByPresentOwner(obj, snapshot)) continue;
      const ns = obj.metadata?.namespace;
      const w = { obj, pod, namespace: typeof ns === "string" ? ns : "default", labels: isRecord(pod.podMeta.labels) ? pod.podMeta.labels : undefined };
      workloads.push(w);
      pushTo(wByNs, w.namespace, w);
    }
    const userNamespaces = () => {
      const out = new Map<string, K8sObject>();
      for (const ns of snapshot.byKind("Namespace")) if (typeof ns.metadata?.name === "string") out.set(ns.metadata.name, ns);
      for (const name of wByNs.keys()) if (!out.has(name)) out.set(name, { apiVersion: "v1", kind: "Namespace", metadata: { name } });
      return [...out].filter(([name]) => !SYSTEM_NAMESPACES.has(name)).sort(([a], [b]) => a.localeCompare(b)).map(([name, obj]) => ({ name, obj }));
    };
    return {
      policies,
      policiesIn: (ns) => [...(byNs.get(ns) ?? []), ...clusterWide],
      workloads,
      workloadsIn: (ns) => wByNs.get(ns) ?? [],
      userNamespaces,
    };
  });

/** Where a workload's pod labels live, for evidence: "metadata.labels" or "spec.template.metadata.labels". */
export const labelsPath = (pod: PodSpecRef): string => (pod.path === "spec" ? "metadata.labels" : pod.path.replace(/\.spec$/, ".metadata.labels"));

export { isEmptySelector };
