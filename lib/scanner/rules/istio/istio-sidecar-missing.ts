import { defineSnapshotRule, type ScanContext } from "../../define-rule";
import { istioPresent, nameOf, workloads, type Workload } from "../../istio/mesh";
import type { Hit, K8sObject } from "../../types";

const SYSTEM_NAMESPACES = new Set(["kube-system", "kube-public", "kube-node-lease", "local-path-storage", "istio-system", "istio-operator"]);

type NsState = "injected" | "opted-out" | "ambient" | "unlabelled";

const nsState = (ns: K8sObject): NsState => {
  const labels = ns.metadata?.labels ?? {};
  if (labels["istio-injection"] === "disabled") return "opted-out";
  if (labels["istio-injection"] === "enabled" || labels["istio.io/rev"]) return "injected";
  if (labels["istio.io/dataplane-mode"] === "ambient") return "ambient";
  return "unlabelled";
};

/** sidecar.istio.io/inject on the pod: the label wins over the annotation, as in the injector. */
const injectOptOut = ({ meta }: Workload): string | undefined => {
  const label = meta.labels?.["sidecar.istio.io/inject"];
  if (label !== undefined) return label === "false" ? "labels" : undefined;
  return meta.annotations?.["sidecar.istio.io/inject"] === "false" ? "annotations" : undefined;
};

const list = (v: unknown): Array<{ name?: unknown }> => (Array.isArray(v) ? v : []);
const hasProxy = (w: Workload) => [...list(w.spec.containers), ...list(w.spec.initContainers)].some((c) => c?.name === "istio-proxy");
const owners = (w: Workload) => list(w.obj.metadata?.ownerReferences) as Array<{ kind?: unknown; controller?: unknown }>;

export default defineSnapshotRule({
  id: "TWR-0712",
  name: "istio-sidecar-missing",
  title: "Workload outside the Istio mesh (no sidecar injection)",
  severity: "medium",
  theme: "istio",
  targets: ["Namespace", "Pod", "Deployment", "StatefulSet", "DaemonSet"],
  description:
    "When Istio is installed, a namespace without istio-injection=enabled or an istio.io/rev label, a running pod without the istio-proxy container, or a pod that opts out with sidecar.istio.io/inject=false is outside the mesh: its traffic has no mTLS identity, and mesh AuthorizationPolicies and telemetry do not apply to it. Reported only when the snapshot shows Istio. These are istioctl analyze IST0102 and IST0103; namespaces labelled istio-injection=disabled or in ambient mode are deliberate and not reported.",
  remediation:
    "Label the namespace (kubectl label namespace <ns> istio-injection=enabled, or istio.io/rev=<revision>) and restart its workloads; remove sidecar.istio.io/inject=false unless the pod must stay outside the mesh, and then label the namespace istio-injection=disabled or document the exception.",
  references: [
    "https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/",
    "https://istio.io/latest/docs/reference/config/analysis/ist0102/",
    "https://istio.io/latest/docs/reference/config/analysis/ist0103/",
  ],
  refs: { istio: ["IST0102", "IST0103"] },
  check: (ctx: ScanContext) => {
    const { snapshot } = ctx;
    if (!istioPresent(snapshot)) return [];
    const hits: Hit[] = [];
    const states = new Map<string, NsState>();
    for (const ns of snapshot.byKind("Namespace")) {
      const name = nameOf(ns);
      if (SYSTEM_NAMESPACES.has(name)) continue;
      const state = nsState(ns);
      states.set(name, state);
      if (state === "unlabelled")
        hits.push({ object: ns, path: "metadata.labels", message: `Namespace '${name}' has neither metadata.labels.istio-injection=enabled nor istio.io/rev: its pods get no Istio sidecar` });
    }
    for (const w of workloads(snapshot).all) {
      if (states.get(w.namespace) !== "injected" || w.spec.hostNetwork === true) continue;
      const where = injectOptOut(w);
      const name = `${w.obj.kind} '${w.obj.metadata?.name}' in namespace '${w.namespace}'`;
      if (where && !(w.isPod && owners(w).some((o) => o?.controller))) hits.push({ object: w.obj, path: `${w.metaPath}.${where}.sidecar.istio.io/inject`, value: "false", message: `${name} sets ${w.metaPath}.${where}.sidecar.istio.io/inject=false and stays outside the mesh` });
      else if (w.isPod && !hasProxy(w) && !owners(w).some((o) => o?.kind === "Job"))
        hits.push({ object: w.obj, path: "spec.containers", message: `${name} has no istio-proxy container although its namespace is labelled for injection (restart it to inject)` });
    }
    return hits;
  },
});
