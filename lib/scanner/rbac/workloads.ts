import { podSpecOf, WORKLOAD_CONTROLLER_KINDS, type PodSpecRef } from "../pod-spec";
import type { Snapshot } from "../snapshot";
import type { K8sObject } from "../types";
import type { Subject } from "./model";

export type WorkloadRef = {
  obj: K8sObject;
  pod: PodSpecRef;
  namespace: string;
  serviceAccount: string;
  /** Path of the field that names the ServiceAccount, or of the pod spec when it is left to "default". */
  saPath: string;
  /** Whether the pods get an API token (automountServiceAccountToken on pod or SA, or a projected token volume). */
  mountsToken: boolean;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const controlledByPresentOwner = (obj: K8sObject, snapshot: Snapshot): boolean =>
  Array.isArray(obj.metadata?.ownerReferences) &&
  obj.metadata.ownerReferences.some(
    (o) => o?.controller === true && typeof o.kind === "string" && WORKLOAD_CONTROLLER_KINDS.has(o.kind) && !!o.name &&
      snapshot.get(o.kind, obj.metadata?.namespace, o.name) !== undefined,
  );

const hasProjectedToken = (pod: PodSpecRef): boolean =>
  Array.isArray(pod.spec.volumes) &&
  pod.spec.volumes.some((v) => isRecord(v) && isRecord(v.projected) && Array.isArray(v.projected.sources) && v.projected.sources.some((s) => isRecord(s) && isRecord(s.serviceAccountToken)));

const mountsToken = (pod: PodSpecRef, sa: K8sObject | undefined): boolean => {
  if (pod.spec.automountServiceAccountToken === true) return true;
  if (pod.spec.automountServiceAccountToken === false) return hasProjectedToken(pod);
  return sa?.automountServiceAccountToken !== false || hasProjectedToken(pod);
};

/**
 * Top-level workloads (a Deployment rather than its ReplicaSets and Pods) by "namespace/serviceAccount",
 * so that a permission of a ServiceAccount can be told as "pods of Deployment 'x' can ...".
 */
export const workloadsByServiceAccount = (snapshot: Snapshot): Map<string, WorkloadRef[]> =>
  snapshot.memo("rbac:workloads-by-sa", () => {
    const index = new Map<string, WorkloadRef[]>();
    for (const obj of snapshot.objects) {
      const pod = podSpecOf(obj);
      if (!pod || obj.kind === "PodTemplate" || controlledByPresentOwner(obj, snapshot)) continue;
      const namespace = typeof obj.metadata?.namespace === "string" ? obj.metadata.namespace : "default";
      const named = typeof pod.spec.serviceAccountName === "string" && pod.spec.serviceAccountName ? "serviceAccountName" : typeof pod.spec.serviceAccount === "string" && pod.spec.serviceAccount ? "serviceAccount" : undefined;
      const serviceAccount = named ? String(pod.spec[named]) : "default";
      const sa = snapshot.get("ServiceAccount", namespace, serviceAccount);
      const ref: WorkloadRef = { obj, pod, namespace, serviceAccount, saPath: named ? `${pod.path}.${named}` : pod.path, mountsToken: mountsToken(pod, sa) };
      const key = `${namespace}/${serviceAccount}`;
      const list = index.get(key);
      if (list) list.push(ref);
      else index.set(key, [ref]);
    }
    return index;
  });

export const serviceAccountOf = (w: WorkloadRef): Subject => ({ kind: "ServiceAccount", name: w.serviceAccount, namespace: w.namespace });

/** "pods of Deployment 'web' in namespace 'shop'" */
export const describeWorkload = (w: WorkloadRef): string =>
  w.obj.kind === "Pod" ? `Pod '${w.obj.metadata?.name ?? "?"}' in namespace '${w.namespace}'` : `pods of ${w.obj.kind} '${w.obj.metadata?.name ?? "?"}' in namespace '${w.namespace}'`;

/** Kinds whose pod spec the workload index reads (CRDs with a pod template are indexed too when present). */
export const WORKLOAD_TARGETS = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController"] as const;
