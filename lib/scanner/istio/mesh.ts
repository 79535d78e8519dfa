import { podSpecOf, type PodSpec } from "../pod-spec";
import type { Snapshot } from "../snapshot";
import type { K8sObject } from "../types";
import { asLabels, isRecord, mapSelects } from "./selectors";

/** Istio's default root namespace: mesh-wide policies live here. */
export const ROOT_NAMESPACE = "istio-system";

/** Istio resources without a namespace are read as living in "default", as istioctl analyze does. */
export const nsOf = (obj: K8sObject): string => (typeof obj.metadata?.namespace === "string" && obj.metadata.namespace) || "default";

export const nameOf = (obj: K8sObject): string => (typeof obj.metadata?.name === "string" ? obj.metadata.name : "");

export const specOf = (obj: K8sObject): Record<string, unknown> => (isRecord(obj.spec) ? obj.spec : {});

export const isIstioApi = (obj: K8sObject): boolean => /(^|\.)istio\.io\//.test(obj.apiVersion ?? "");

/** A pod, or the pod template of a controller, with the labels its pods carry. */
export type Workload = {
  obj: K8sObject;
  namespace: string;
  labels: Record<string, string>;
  spec: PodSpec;
  isPod: boolean;
  /** The pod (template) metadata and its path in the object. */
  meta: { labels?: Record<string, string>; annotations?: Record<string, string> };
  metaPath: string;
  virtual?: boolean;
};

export const isIstiod = (o: K8sObject) => nameOf(o) === "istiod" || nameOf(o).startsWith("istiod-") || o.metadata?.labels?.app === "istiod";

/** True when the snapshot shows Istio installed or in use: an Istio resource, istiod, or an injection label. */
export const istioPresent = (snapshot: Snapshot): boolean =>
  snapshot.memo("istio:present", () =>
    snapshot.objects.some(
      (o) =>
        isIstioApi(o) ||
        (o.kind === "Deployment" && isIstiod(o)) ||
        (o.kind === "Namespace" && (o.metadata?.labels?.["istio-injection"] === "enabled" || !!o.metadata?.labels?.["istio.io/rev"])),
    ),
  );

/** Every pod and pod template in the snapshot, indexed once per scan. */
export const workloads = (snapshot: Snapshot): { all: Workload[]; byNamespace: Map<string, Workload[]> } =>
  snapshot.memo("istio:workloads", () => {
    const all: Workload[] = [];
    const byNamespace = new Map<string, Workload[]>();
    for (const obj of snapshot.objects) {
      // A Pod counts for selectors even when its spec was trimmed away.
      const pod = podSpecOf(obj) ?? (obj.kind === "Pod" ? { spec: {}, path: "spec", podMeta: obj.metadata ?? {} } : undefined);
      if (!pod) continue;
      const metaPath = pod.path === "spec" ? "metadata" : pod.path.replace(/\.spec$/, ".metadata");
      const w: Workload = { obj, namespace: nsOf(obj), labels: asLabels(pod.podMeta.labels), spec: pod.spec, isPod: obj.kind === "Pod", meta: pod.podMeta, metaPath };
      all.push(w);
      const list = byNamespace.get(w.namespace) ?? [];
      list.push(w);
      byNamespace.set(w.namespace, list);
    }
    return { all, byNamespace };
  });

const DEFAULT_INGRESS: Workload = {
  obj: { apiVersion: "v1", kind: "Pod", metadata: { name: "istio-ingressgateway", namespace: ROOT_NAMESPACE } },
  namespace: ROOT_NAMESPACE,
  labels: { istio: "ingressgateway", app: "istio-ingressgateway" },
  spec: { containers: [{ name: "istio-proxy", ports: [80, 443, 15021, 15443].map((p) => ({ containerPort: p })) }] },
  isPod: true,
  meta: {},
  metaPath: "metadata",
  virtual: true,
};

/**
 * The workloads a Gateway selector picks, in any namespace. When the snapshot is a set of manifests with no
 * workload in the root namespace, the default ingress gateway (istio=ingressgateway in istio-system) is assumed,
 * as istioctl analyze does for files.
 */
export const gatewayWorkloads = (snapshot: Snapshot, selector: Record<string, string>): Workload[] => {
  const key = Object.entries(selector).sort().map(([k, v]) => `${k}=${v}`).join(",");
  return snapshot.memo(`istio:gateway-workloads:${key}`, () => {
    const { all, byNamespace } = workloads(snapshot);
    const found = all.filter((w) => mapSelects(selector, w.labels));
    if (found.length || (byNamespace.get(ROOT_NAMESPACE) ?? []).length) return found;
    return Object.keys(selector).length && mapSelects(selector, DEFAULT_INGRESS.labels) ? [DEFAULT_INGRESS] : [];
  });
};

/** Host matching with Istio wildcards: "*" and "*.example.com" (either side may be the wildcard). */
export const hostsIntersect = (a: string, b: string): boolean => {
  if (a === "*" || b === "*" || a === b) return true;
  const suffix = (w: string, h: string) => w.startsWith("*") && h.endsWith(w.slice(1));
  return suffix(a, b) || suffix(b, a);
};

/** Gateway server hosts may carry a "namespace/" prefix restricting the VirtualServices that bind. */
export const stripNamespace = (host: string): string => (host.includes("/") ? host.slice(host.indexOf("/") + 1) : host);

export const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export const recordList = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);

/** Gateway.spec.selector as labels; an absent selector is empty. */
export const gatewaySelector = (gw: K8sObject): Record<string, string> => asLabels(specOf(gw).selector);

/** snapshot.get, reading a missing namespace as "default" like nsOf. */
export const getIn = (snapshot: Snapshot, kind: string, ns: string, name: string): K8sObject | undefined =>
  snapshot.get(kind, ns, name) ?? (ns === "default" ? snapshot.get(kind, undefined, name) : undefined);

/** Resolves a VirtualService gateway reference ("name", "ns/name" or a FQDN) to a Gateway in the snapshot. */
export const resolveGateway = (snapshot: Snapshot, ref: string, fromNs: string): K8sObject | undefined => {
  const [ns, name] = ref.includes("/") ? (ref.split("/", 2) as [string, string]) : [undefined, ref];
  if (ns) return getIn(snapshot, "Gateway", ns, name);
  const parts = name.split(".");
  if (parts.length > 1) return getIn(snapshot, "Gateway", parts[1], parts[0]);
  return getIn(snapshot, "Gateway", fromNs, name);
};
