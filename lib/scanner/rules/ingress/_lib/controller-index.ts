import { containersOf, podSpecOf, type Container, type PodSpecRef } from "../../../pod-spec";
import type { Snapshot } from "../../../snapshot";
import type { K8sObject } from "../../../types";
import { isControllerContainer } from "./controller";

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const CHART_CONFIGMAP_NAMES = /^(ingress-nginx-controller|nginx-configuration|nginx-ingress-controller|.+-ingress-nginx-controller|.+-nginx-ingress-controller)$/;

/** A ConfigMap that is an ingress-nginx controller's by its chart name or labels, when no controller is in the scan. */
export const isControllerConfigMapByName = (cm: K8sObject): boolean => {
  const labels = cm.metadata?.labels ?? {};
  return CHART_CONFIGMAP_NAMES.test(cm.metadata?.name ?? "") || (labels["app.kubernetes.io/name"] === "ingress-nginx" && labels["app.kubernetes.io/component"] === "controller");
};

const OWNED_KINDS = new Set(["Deployment", "DaemonSet", "StatefulSet", "ReplicaSet"]);

/** Workloads running the controller image; Pods and ReplicaSets owned by a controller workload are left to their owner. */
export const controllerWorkloads = (snapshot: Snapshot): Array<{ obj: K8sObject; pod: PodSpecRef }> =>
  snapshot.memo("ingress:controller-workloads", () =>
    ["Deployment", "DaemonSet", "StatefulSet", "Pod"].flatMap((kind) =>
      snapshot.byKind(kind).flatMap((obj) => {
        if (kind === "Pod" && (Array.isArray(obj.metadata?.ownerReferences) ? obj.metadata.ownerReferences : []).some((o) => o?.controller && OWNED_KINDS.has(o.kind ?? ""))) return [];
        const pod = podSpecOf(obj);
        return pod && containersOf(pod).some((c) => isControllerContainer(c.container)) ? [{ obj, pod }] : [];
      }),
    ),
  );

/** The ConfigMap named by --configmap=<ns>/<name> (the chart passes $(POD_NAMESPACE)), else a chart-named ConfigMap in the controller's namespace. */
export const controllerConfigMap = (snapshot: Snapshot, obj: K8sObject, c: Container): K8sObject | undefined => {
  const ns = obj.metadata?.namespace;
  for (const arg of [...arr(c.args), ...arr(c.command)]) {
    const m = typeof arg === "string" ? /^--configmap=(?:([^/]+)\/)?(.+)$/.exec(arg) : null;
    if (m) return snapshot.get("ConfigMap", !m[1] || m[1] === "$(POD_NAMESPACE)" ? ns : m[1], m[2]);
  }
  return snapshot.byKind("ConfigMap").find((cm) => cm.metadata?.namespace === ns && CHART_CONFIGMAP_NAMES.test(cm.metadata?.name ?? ""));
};
