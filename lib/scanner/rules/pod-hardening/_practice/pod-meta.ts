import type { Container, ContainerRef, PodSpecRef } from "../../../pod-spec";
import type { K8sObject } from "../../../types";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** JSON path of the pod (template) metadata: "metadata" for a Pod, "spec.template.metadata" for a Deployment. */
export const podMetaPath = (pod: PodSpecRef): string => (pod.path === "spec" ? "metadata" : pod.path.replace(/\.spec$/, ".metadata"));

export const annotationPath = (pod: PodSpecRef, key: string): string => `${podMetaPath(pod)}.annotations['${key}']`;

export const podAnnotation = (pod: PodSpecRef, key: string): string | undefined => {
  const v = isRecord(pod.podMeta.annotations) ? pod.podMeta.annotations[key] : undefined;
  return typeof v === "string" ? v : undefined;
};

/** The pod-level securityContext as a record (absent, null or malformed -> {}). */
export const podSecurityContext = (pod: PodSpecRef): Record<string, unknown> =>
  isRecord(pod.spec.securityContext) ? (pod.spec.securityContext as Record<string, unknown>) : {};

export const containerSecurityContext = (c: ContainerRef): Record<string, unknown> =>
  isRecord(c.container.securityContext) ? (c.container.securityContext as Record<string, unknown>) : {};

/** Windows pods (spec.os.name=windows): Linux-only controls (seccomp, AppArmor, read-only root) do not apply. */
export const isWindowsPod = (pod: PodSpecRef): boolean => isRecord(pod.spec.os) && pod.spec.os.name === "windows";

/** ownerReferences as a list of records, whatever the input holds. */
export const ownerRefsOf = (obj: K8sObject): Array<Record<string, unknown>> => {
  const refs = obj.metadata?.ownerReferences;
  return Array.isArray(refs) ? refs.filter(isRecord) : [];
};

/** Run-to-completion workloads: Jobs, CronJobs, and bare pods that do not restart. */
export const isBatchWorkload = (obj: K8sObject, pod: PodSpecRef): boolean =>
  obj.kind === "Job" ||
  obj.kind === "CronJob" ||
  ownerRefsOf(obj).some((o) => o.kind === "Job" || o.kind === "CronJob") ||
  (obj.kind === "Pod" && (pod.spec.restartPolicy === "Never" || pod.spec.restartPolicy === "OnFailure"));

export const resourceOf = (c: Container, section: "limits" | "requests", name: "cpu" | "memory"): unknown => {
  const res = isRecord(c.resources) ? c.resources : undefined;
  const part = res && isRecord(res[section]) ? (res[section] as Record<string, unknown>) : undefined;
  const v = part?.[name];
  return v === null || v === "" ? undefined : v;
};

export { isRecord };
