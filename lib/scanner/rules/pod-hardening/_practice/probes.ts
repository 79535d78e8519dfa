import type { K8sObject } from "../../../types";
import { containersOf, describeContainer, type PodSpecRef } from "../../../pod-spec";
import { isBatchWorkload } from "./pod-meta";

/** Regular containers of long-running workloads that lack the probe: init containers and Jobs/CronJobs are skipped. */
export const missingProbe = (obj: K8sObject, pod: PodSpecRef, probe: "livenessProbe" | "readinessProbe") => {
  if (isBatchWorkload(obj, pod)) return [];
  return containersOf(pod)
    .filter((c) => c.type === "containers" && (c.container[probe] === undefined || c.container[probe] === null))
    .map((c) => ({ path: `${c.path}.${probe}`, message: `${describeContainer(obj, c)} has no ${probe}` }));
};
