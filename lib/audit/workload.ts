import { isSuccessful, isSystemNamespace, isSystemPrincipal, MUTATE_VERBS } from "./event-helpers";
import { podSpecsOf, WORKLOAD_RESOURCES, type PodSpecView } from "./pod-spec";
import type { AuditEvent } from "./types";

const KINDS: Record<string, string> = {
  pods: "Pod",
  deployments: "Deployment",
  daemonsets: "DaemonSet",
  statefulsets: "StatefulSet",
  replicasets: "ReplicaSet",
  jobs: "Job",
  cronjobs: "CronJob",
  replicationcontrollers: "ReplicationController",
};

/** The pod spec a successful create/update/patch of a Pod or workload template carries, if any. */
export const podChangeOf = (e: AuditEvent): PodSpecView | undefined => {
  if (!MUTATE_VERBS.includes(e.verb) || !isSuccessful(e)) return undefined;
  if (!WORKLOAD_RESOURCES.includes(e.objectRef.resource ?? "")) return undefined;
  const sub = e.objectRef.subresource;
  if (sub && sub !== "ephemeralcontainers") return undefined;
  return podSpecsOf(e.object)[0];
};

/** Platform components deploying into platform namespaces (kube-proxy, CNI, CSI DaemonSets...). */
export const isPlatformWorkload = (e: AuditEvent): boolean => isSystemNamespace(e.objectRef.namespace) && isSystemPrincipal(e.user.username);

export const workloadLabel = (e: AuditEvent): string => {
  const meta = (e.object?.metadata ?? {}) as Record<string, unknown>;
  const name = e.objectRef.name ?? (meta.name as string | undefined) ?? (meta.generateName as string | undefined) ?? "?";
  return `${KINDS[e.objectRef.resource ?? ""] ?? e.objectRef.resource} '${name}'${e.objectRef.namespace ? ` in '${e.objectRef.namespace}'` : ""}`;
};
