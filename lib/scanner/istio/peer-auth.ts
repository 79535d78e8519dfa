import type { Snapshot } from "../snapshot";
import type { K8sObject } from "../types";
import { nsOf, ROOT_NAMESPACE, specOf, workloads } from "./mesh";
import { asLabels, isRecord, mapSelects } from "./selectors";

export type PaLevel = "mesh" | "namespace" | "workload";

const selectorOf = (pa: K8sObject): Record<string, string> => {
  const sel = specOf(pa).selector;
  return isRecord(sel) ? asLabels(sel.matchLabels) : {};
};

/** The top-level mode of a PeerAuthentication, or undefined when UNSET/absent (inherit from the parent). */
export const paMode = (pa: K8sObject): string | undefined => {
  const mtls = specOf(pa).mtls;
  const mode = isRecord(mtls) && typeof mtls.mode === "string" ? mtls.mode.toUpperCase() : undefined;
  return mode && mode !== "UNSET" ? mode : undefined;
};

export const paLevel = (pa: K8sObject): PaLevel =>
  Object.keys(selectorOf(pa)).length ? "workload" : nsOf(pa) === ROOT_NAMESPACE ? "mesh" : "namespace";

export type PaIndex = {
  /** Per policy: how many workloads in the snapshot take their effective top-level mode from it. */
  governs: Map<K8sObject, number>;
  /** Per policy: how many workloads are in its scope at all. */
  inScope: Map<K8sObject, number>;
};

/**
 * Effective PeerAuthentication per workload: the workload-level policy with a mode wins over the
 * namespace-level one, which wins over the mesh-level one in the root namespace (Istio's precedence).
 */
export const peerAuthIndex = (snapshot: Snapshot): PaIndex =>
  snapshot.memo("istio:peer-auth", () => {
    const pas = snapshot.byKind("PeerAuthentication");
    const governs = new Map<K8sObject, number>();
    const inScope = new Map<K8sObject, number>();
    const bump = (m: Map<K8sObject, number>, pa: K8sObject) => m.set(pa, (m.get(pa) ?? 0) + 1);
    const mesh = pas.filter((p) => paLevel(p) === "mesh");
    const nsLevel = new Map<string, K8sObject[]>();
    const wlLevel = new Map<string, K8sObject[]>();
    for (const pa of pas) {
      const level = paLevel(pa);
      const target = level === "namespace" ? nsLevel : level === "workload" ? wlLevel : undefined;
      if (target) target.set(nsOf(pa), [...(target.get(nsOf(pa)) ?? []), pa]);
    }
    for (const w of workloads(snapshot).all) {
      const wl = (wlLevel.get(w.namespace) ?? []).filter((pa) => mapSelects(selectorOf(pa), w.labels));
      const ns = w.namespace === ROOT_NAMESPACE ? mesh : nsLevel.get(w.namespace) ?? [];
      for (const pa of [...wl, ...ns, ...mesh]) bump(inScope, pa);
      const source = wl.find(paMode) ?? ns.find(paMode) ?? mesh.find(paMode);
      if (source) bump(governs, source);
    }
    return { governs, inScope };
  });

/**
 * Whether a namespace- or mesh-wide mode is really in force: it is, unless the snapshot holds workloads in its
 * scope and every one of them is overridden by a more specific policy.
 */
export const broadPolicyInForce = (snapshot: Snapshot, pa: K8sObject): boolean => {
  const { governs, inScope } = peerAuthIndex(snapshot);
  return !inScope.get(pa) || (governs.get(pa) ?? 0) > 0;
};

/** Port-level modes: [port, mode] for each entry of spec.portLevelMtls. */
export const portModes = (pa: K8sObject): Array<[string, string]> => {
  const ports = specOf(pa).portLevelMtls;
  if (!isRecord(ports)) return [];
  return Object.entries(ports).flatMap(([port, v]) =>
    isRecord(v) && typeof v.mode === "string" ? [[port, v.mode.toUpperCase()] as [string, string]] : [],
  );
};

export const describePa = (pa: K8sObject): string => {
  const level = paLevel(pa);
  const scope = level === "mesh" ? "mesh-wide" : level === "namespace" ? `namespace-wide in '${nsOf(pa)}'` : "workload-level";
  return `PeerAuthentication '${pa.metadata?.name ?? "?"}' (${scope})`;
};

/** Violations for a PeerAuthentication whose top-level or port-level mode is `mode` and is actually in force. */
export const paModeViolations = (pa: K8sObject, snapshot: Snapshot, mode: "PERMISSIVE" | "DISABLE") => {
  const out: Array<{ path: string; message: string; value: string }> = [];
  const top = paMode(pa);
  if (top === mode && (paLevel(pa) === "workload" || broadPolicyInForce(snapshot, pa)))
    out.push({ path: "spec.mtls.mode", value: mode, message: `${describePa(pa)} sets spec.mtls.mode=${mode}` });
  for (const [port, m] of portModes(pa))
    if (m === mode) out.push({ path: `spec.portLevelMtls.${port}.mode`, value: mode, message: `${describePa(pa)} sets spec.portLevelMtls.${port}.mode=${mode}` });
  return out;
};
