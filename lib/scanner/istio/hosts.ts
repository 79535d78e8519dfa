import type { Snapshot } from "../snapshot";
import type { K8sObject } from "../types";
import { hostsIntersect, nsOf, specOf, stringList } from "./mesh";

type HostIndex = { services: Set<string>; externalHosts: string[] };

const hostIndex = (snapshot: Snapshot): HostIndex =>
  snapshot.memo("istio:hosts", () => {
    const services = new Set<string>();
    for (const svc of snapshot.byKind("Service")) if (svc.metadata?.name) services.add(`${svc.metadata.name}.${nsOf(svc)}.svc.cluster.local`);
    const externalHosts = snapshot
      .byKind("ServiceEntry")
      .filter((se) => specOf(se).location !== "MESH_INTERNAL")
      .flatMap((se) => stringList(specOf(se).hosts));
    return { services, externalHosts };
  });

/** Expands a short or partial Kubernetes service name to its FQDN, relative to the namespace of `from`. */
export const fqdn = (host: string, from: K8sObject): string => {
  if (host.endsWith(".svc.cluster.local")) return host;
  if (host.endsWith(".svc")) return `${host}.cluster.local`;
  const parts = host.split(".");
  if (parts.length === 1) return `${host}.${nsOf(from)}.svc.cluster.local`;
  if (parts.length === 2) return `${host}.svc.cluster.local`;
  return host;
};

/** A host served inside the mesh: a Kubernetes service name, not an external ServiceEntry host. */
export const inMeshHost = (snapshot: Snapshot, host: string, from: K8sObject): boolean => {
  const { services, externalHosts } = hostIndex(snapshot);
  if (externalHosts.some((h) => hostsIntersect(h, host))) return false;
  if (host.endsWith(".svc.cluster.local") || host.endsWith(".svc") || !host.includes(".")) return true;
  return host.split(".").length === 2 && services.has(fqdn(host, from));
};

type Exported = { host: string; ns: string; exportTo: string[]; ports: number[]; obj: K8sObject };

const visibleFrom = (e: Exported, ns: string) =>
  !e.exportTo.length || e.exportTo.includes("*") || e.exportTo.includes(ns) || (e.exportTo.includes(".") && e.ns === ns);

/** Services (by FQDN) and ServiceEntry hosts with their exportTo, indexed once per scan. */
export const registry = (snapshot: Snapshot) =>
  snapshot.memo("istio:registry", () => {
    const services = new Map<string, Exported>();
    const svcNamespaces = new Set<string>();
    for (const svc of snapshot.byKind("Service")) {
      const name = svc.metadata?.name;
      if (!name) continue;
      const ns = nsOf(svc);
      svcNamespaces.add(ns);
      const exportTo = String(svc.metadata?.annotations?.["networking.istio.io/exportTo"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      const ports = (Array.isArray(specOf(svc).ports) ? (specOf(svc).ports as Array<{ port?: unknown }>) : []).map((p) => Number(p?.port)).filter(Number.isFinite);
      services.set(`${name}.${ns}.svc.cluster.local`, { host: `${name}.${ns}.svc.cluster.local`, ns, exportTo, ports, obj: svc });
    }
    const entries: Exported[] = snapshot.byKind("ServiceEntry").flatMap((se) =>
      stringList(specOf(se).hosts).map((host) => ({ host, ns: nsOf(se), exportTo: stringList(specOf(se).exportTo), ports: [], obj: se })),
    );
    return { services, svcNamespaces, entries, hasEntries: entries.length > 0 };
  });

export type HostLookup = { status: "found"; ports: number[] } | { status: "hidden" } | { status: "missing" } | { status: "unknown" };

/**
 * Resolves a route destination host as seen from namespace `ns`. "unknown" when the snapshot cannot tell
 * (no Service in the target namespace, or no ServiceEntry at all for external names).
 */
export const lookupHost = (snapshot: Snapshot, host: string, from: K8sObject): HostLookup => {
  const { services, svcNamespaces, entries, hasEntries } = registry(snapshot);
  const ns = nsOf(from);
  const full = fqdn(host, from);
  const svc = services.get(full);
  if (svc) return visibleFrom(svc, ns) ? { status: "found", ports: svc.ports } : { status: "hidden" };
  const matching = entries.filter((e) => hostsIntersect(e.host, host));
  if (matching.some((e) => visibleFrom(e, ns))) return { status: "found", ports: [] };
  if (host.includes("*") && [...services.keys()].some((h) => hostsIntersect(h, host))) return { status: "found", ports: [] };
  if (matching.length) return { status: "hidden" };
  if (full.endsWith(".svc.cluster.local")) return svcNamespaces.has(full.split(".")[1]) ? { status: "missing" } : { status: "unknown" };
  return hasEntries ? { status: "missing" } : { status: "unknown" };
};
