import { podSpecOf } from "../../../pod-spec";
import type { K8sObject } from "../../../types";
import { imageName, parseImageRef } from "./image-ref";

export const WORKLOAD_KINDS = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"] as const;

/** Objects managed by a controller are reported through their owner, once. */
export const isControlled = (obj: K8sObject): boolean => {
  const refs = obj.metadata?.ownerReferences;
  return Array.isArray(refs) && refs.some((o) => typeof o === "object" && o !== null && o.controller === true);
};

const isLabels = (v: unknown): v is Record<string, string> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Labels of the object and of its pod template, object first. */
export const labelSets = (obj: K8sObject): Array<{ labels: Record<string, string>; path: string }> => {
  const out: Array<{ labels: Record<string, string>; path: string }> = [];
  if (isLabels(obj.metadata?.labels)) out.push({ labels: obj.metadata.labels, path: "metadata.labels" });
  const pod = podSpecOf(obj);
  if (pod && isLabels(pod.podMeta.labels)) out.push({ labels: pod.podMeta.labels, path: pod.path === "spec" ? "metadata.labels" : pod.path.replace(/\.spec$/, ".metadata.labels") });
  return out;
};

/** Containers whose image name (last repository component) is in `names`, with the path of their image field. */
export const imagesNamed = (obj: K8sObject, names: ReadonlySet<string>): Array<{ image: string; path: string }> => {
  const pod = podSpecOf(obj);
  if (!pod) return [];
  const out: Array<{ image: string; path: string }> = [];
  const hints = [...names];
  for (const type of ["containers", "initContainers"] as const) {
    const list = pod.spec[type];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      // Cheap substring test first: almost no image is a candidate.
      const lower = typeof c?.image === "string" ? c.image.toLowerCase() : "";
      const ref = hints.some((h) => lower.includes(h)) ? parseImageRef(c.image as string) : undefined;
      if (ref && names.has(imageName(ref))) out.push({ image: c.image as string, path: `${pod.path}.${type}[${i}].image` });
    });
  }
  return out;
};
