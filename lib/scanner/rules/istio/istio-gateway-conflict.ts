import { defineSnapshotRule } from "../../define-rule";
import { describeGateway, gatewayServers } from "../../istio/gateway";
import { gatewaySelector, gatewayWorkloads, hostsIntersect, stripNamespace } from "../../istio/mesh";
import { formatSelector } from "../../istio/selectors";
import type { Hit, K8sObject } from "../../types";

type Listener = { gw: K8sObject; selector: string; pods: Set<K8sObject>; path: string; port: number; hosts: string[] };

const samePods = (a: Listener, b: Listener) => a.selector === b.selector || [...a.pods].some((p) => b.pods.has(p));

export default defineSnapshotRule({
  id: "TWR-0716",
  name: "istio-gateway-conflict",
  title: "Istio Gateways conflict on the same workload, port and host",
  severity: "medium",
  theme: "istio",
  targets: ["Gateway"],
  description:
    "Two Gateways that select the same gateway pods and declare servers on the same port with overlapping hosts conflict: Envoy keeps only one of them, so the TLS settings or routing a team relies on may silently be the other Gateway's (for example plain HTTP instead of TLS). This is istioctl analyze IST0145.",
  remediation: "Merge the servers into one Gateway, or give each Gateway distinct hosts or ports, or point them at different gateway deployments.",
  references: ["https://istio.io/latest/docs/reference/config/analysis/ist0145/", "https://istio.io/latest/docs/reference/config/networking/gateway/"],
  refs: { istio: ["IST0145"] },
  check: (ctx) => {
    const byPort = new Map<number, Listener[]>();
    for (const gw of ctx.snapshot.byKind("Gateway")) {
      const sel = gatewaySelector(gw);
      const pods = new Set(gatewayWorkloads(ctx.snapshot, sel).map((w) => w.obj));
      for (const s of gatewayServers(gw)) {
        if (s.port === undefined) continue;
        const l: Listener = { gw, selector: formatSelector(sel), pods, path: s.path, port: s.port, hosts: s.hosts.map(stripNamespace) };
        byPort.set(s.port, [...(byPort.get(s.port) ?? []), l]);
      }
    }
    const hits: Hit[] = [];
    for (const listeners of byPort.values())
      for (const a of listeners) {
        const others = listeners.filter((b) => b.gw !== a.gw && samePods(a, b) && a.hosts.some((h) => b.hosts.some((o) => hostsIntersect(h, o))));
        if (!others.length) continue;
        const names = [...new Set(others.map((b) => b.gw.metadata?.name))].sort().join(", ");
        hits.push({ object: a.gw, path: `${a.path}.port.number`, value: a.port, message: `${describeGateway(a.gw)} ${a.path} (port ${a.port}, hosts ${a.hosts.join(",")}) conflicts with Gateway(s) ${names} on the same workload (selector ${a.selector})` });
      }
    return hits;
  },
});
