import { defineRule } from "../../define-rule";
import { fqdn, lookupHost } from "../../istio/hosts";
import { nsOf, recordList, resolveGateway, specOf, stringList } from "../../istio/mesh";
import { isRecord } from "../../istio/selectors";
import type { Snapshot } from "../../snapshot";
import type { K8sObject, Violation } from "../../types";

type Dest = { d: Record<string, unknown>; path: string };

const destinations = (vs: K8sObject): Dest[] => {
  const out: Dest[] = [];
  const spec = specOf(vs);
  for (const kind of ["http", "tcp", "tls"] as const)
    recordList(spec[kind]).forEach((route, r) => {
      const base = `spec.${kind}[${r}]`;
      recordList(route.route).forEach((rt, i) => isRecord(rt.destination) && out.push({ d: rt.destination, path: `${base}.route[${i}].destination` }));
      if (isRecord(route.mirror)) out.push({ d: route.mirror, path: `${base}.mirror` });
      recordList(route.mirrors).forEach((m, i) => isRecord(m.destination) && out.push({ d: m.destination, path: `${base}.mirrors[${i}].destination` }));
    });
  return out;
};

/** Subsets declared per destination FQDN by DestinationRules, indexed once per scan. */
const subsetIndex = (snapshot: Snapshot) =>
  snapshot.memo("istio:dr-subsets", () => {
    const m = new Map<string, Set<string>>();
    for (const dr of snapshot.byKind("DestinationRule")) {
      const host = fqdn(String(specOf(dr).host ?? ""), dr);
      const set = m.get(host) ?? new Set<string>();
      for (const s of recordList(specOf(dr).subsets)) if (typeof s.name === "string") set.add(s.name);
      m.set(host, set);
    }
    return m;
  });

export default defineRule({
  id: "TWR-0719",
  name: "istio-virtualservice-reference-not-found",
  title: "Istio VirtualService references a missing gateway, host, port or subset",
  severity: "low",
  theme: "istio",
  targets: ["VirtualService"],
  description:
    "A VirtualService bound to a Gateway that does not exist, or routing to a host, port or subset that no Service, ServiceEntry or DestinationRule provides (or that is not exported to its namespace), does not take effect as written: requests fall through to other routes or get 503s, and traffic-splitting or mirroring meant as a control silently stops working. Hosts are checked only where the snapshot shows the target namespace's Services (or, for external names, ServiceEntries). This is istioctl analyze IST0101 for VirtualServices.",
  remediation:
    "Correct spec.gateways to an existing Gateway ('<namespace>/<name>' across namespaces), point destination.host at a Service or ServiceEntry visible from this namespace (check networking.istio.io/exportTo), use a port the Service exposes, and declare the subset in the host's DestinationRule.",
  references: [
    "https://istio.io/latest/docs/reference/config/analysis/ist0101/",
    "https://istio.io/latest/docs/reference/config/networking/virtual-service/",
  ],
  refs: { istio: ["IST0101"] },
  check: (obj, ctx) => {
    const { snapshot } = ctx;
    const name = `VirtualService '${obj.metadata?.name}'`;
    const out: Violation[] = [];
    stringList(specOf(obj).gateways).forEach((g, i) => {
      if (g !== "mesh" && !resolveGateway(snapshot, g, nsOf(obj)))
        out.push({ path: `spec.gateways[${i}]`, value: g, message: `${name} sets spec.gateways[${i}]='${g}', but no such Gateway exists` });
    });
    const subsets = subsetIndex(snapshot);
    for (const { d, path } of destinations(obj)) {
      const host = typeof d.host === "string" ? d.host : "";
      if (!host) continue;
      const found = lookupHost(snapshot, host, obj);
      if (found.status === "missing" || found.status === "hidden") {
        const why = found.status === "hidden" ? "is not exported to this namespace" : "matches no Service or ServiceEntry";
        out.push({ path: `${path}.host`, value: host, message: `${name} routes to ${path}.host '${host}', which ${why}` });
        continue;
      }
      const port = isRecord(d.port) ? Number(d.port.number) : undefined;
      if (found.status === "found" && port !== undefined && found.ports.length && !found.ports.includes(port))
        out.push({ path: `${path}.port.number`, value: port, message: `${name} routes to port ${port} of '${host}' (${path}.port.number), which the Service does not expose` });
      const subset = typeof d.subset === "string" ? d.subset : undefined;
      if (subset && snapshot.byKind("DestinationRule").length && !subsets.get(fqdn(host, obj))?.has(subset))
        out.push({ path: `${path}.subset`, value: subset, message: `${name} routes to ${path}.subset '${subset}' of '${host}', but no DestinationRule for that host defines it` });
    }
    return out;
  },
});
