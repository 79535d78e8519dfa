import { flat } from "./flat-string";
import type { K8sObject } from "./types";

export type Container = {
  name?: string;
  image?: string;
  imagePullPolicy?: string;
  command?: unknown[];
  args?: unknown[];
  env?: Array<{ name?: string; value?: unknown; valueFrom?: Record<string, unknown> }>;
  envFrom?: Array<Record<string, unknown>>;
  ports?: Array<{ containerPort?: number; hostPort?: number; hostIP?: string; protocol?: string; name?: string }>;
  resources?: { limits?: Record<string, unknown>; requests?: Record<string, unknown> };
  securityContext?: SecurityContext;
  volumeMounts?: Array<{ name?: string; mountPath?: string; readOnly?: boolean; subPath?: string; subPathExpr?: string }>;
  livenessProbe?: unknown;
  readinessProbe?: unknown;
  startupProbe?: unknown;
  [key: string]: unknown;
};

export type SecurityContext = {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  procMount?: string;
  capabilities?: { add?: unknown[]; drop?: unknown[] };
  seccompProfile?: { type?: string; localhostProfile?: string };
  appArmorProfile?: { type?: string; localhostProfile?: string };
  seLinuxOptions?: { type?: string; user?: string; role?: string; level?: string };
  windowsOptions?: { hostProcess?: boolean; [key: string]: unknown };
  [key: string]: unknown;
};

export type PodSpec = {
  containers?: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
  volumes?: Array<{ name?: string; hostPath?: { path?: string; type?: string }; [key: string]: unknown }>;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  serviceAccountName?: string;
  serviceAccount?: string;
  automountServiceAccountToken?: boolean;
  securityContext?: SecurityContext & { sysctls?: Array<{ name?: string; value?: string }>; fsGroup?: number; supplementalGroups?: number[] };
  [key: string]: unknown;
};

export type ContainerType = "containers" | "initContainers" | "ephemeralContainers";
export const CONTAINER_TYPES: readonly ContainerType[] = ["containers", "initContainers", "ephemeralContainers"];

/** A pod spec found inside an object, with the JSON path that leads to it and the pod template's metadata. */
export type PodSpecRef = {
  spec: PodSpec;
  /** e.g. "spec.template.spec" for a Deployment, "spec" for a Pod. */
  path: string;
  /** The metadata of the pod (template) itself: annotations such as AppArmor live there. */
  podMeta: { labels?: Record<string, string>; annotations?: Record<string, string> };
};

export type ContainerRef = { container: Container; type: ContainerType; index: number; path: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const hasContainers = (v: unknown): v is PodSpec => isRecord(v) && Array.isArray(v.containers);

const asMeta = (v: unknown): PodSpecRef["podMeta"] => (isRecord(v) ? (v as PodSpecRef["podMeta"]) : {});

/**
 * Finds the pod spec of any workload: Pod, the built-in controllers, CronJob, and CRDs that embed a
 * pod template at spec.template (Argo Rollouts, OpenKruise, ...). Returns undefined for non-workloads.
 */
export const podSpecOf = (obj: K8sObject): PodSpecRef | undefined => {
  const spec = obj.spec;
  if (!isRecord(spec)) return undefined;
  if (obj.kind === "Pod") return hasContainers(spec) ? { spec, path: "spec", podMeta: asMeta(obj.metadata) } : undefined;
  if (obj.kind === "PodTemplate") {
    const template = obj.template;
    return isRecord(template) && hasContainers(template.spec) ? { spec: template.spec, path: "template.spec", podMeta: asMeta(template.metadata) } : undefined;
  }
  if (obj.kind === "CronJob") {
    const jobTemplate = spec.jobTemplate;
    const template = isRecord(jobTemplate) && isRecord(jobTemplate.spec) ? jobTemplate.spec.template : undefined;
    return isRecord(template) && hasContainers(template.spec)
      ? { spec: template.spec, path: "spec.jobTemplate.spec.template.spec", podMeta: asMeta(template.metadata) }
      : undefined;
  }
  const template = spec.template;
  if (isRecord(template) && hasContainers(template.spec)) return { spec: template.spec, path: "spec.template.spec", podMeta: asMeta(template.metadata) };
  return undefined;
};

const listContainers = (ref: PodSpecRef): ContainerRef[] => {
  const out: ContainerRef[] = [];
  for (const type of CONTAINER_TYPES) {
    const list = ref.spec[type];
    if (!Array.isArray(list)) continue;
    list.forEach((container, index) => {
      if (isRecord(container)) out.push({ container: container as Container, type, index, path: flat(`${ref.path}.${type}[${index}]`) });
    });
  }
  return out;
};

// Every pod rule asks for the containers of the same PodSpecRef (scan() builds one per workload): list them once.
const containerLists = new WeakMap<PodSpecRef, readonly ContainerRef[]>();

export const containersOf = (ref: PodSpecRef): readonly ContainerRef[] => {
  let list = containerLists.get(ref);
  if (!list) containerLists.set(ref, (list = listContainers(ref)));
  return list;
};

const POD_LEVEL_INHERITED = ["runAsUser", "runAsGroup", "runAsNonRoot", "seLinuxOptions", "seccompProfile", "appArmorProfile", "windowsOptions"] as const;

/**
 * The security context that applies to a container: the container's own value wins over the pod's
 * for every field both can set (the Kubernetes precedence that peers often get wrong).
 * `from` tells, per field, where the value came from, for evidence paths.
 */
export const effectiveSecurityContext = (pod: PodSpecRef, c: ContainerRef): { sc: SecurityContext; from: Record<string, string> } => {
  const own = isRecord(c.container.securityContext) ? c.container.securityContext : {};
  const podSc = isRecord(pod.spec.securityContext) ? pod.spec.securityContext : {};
  const sc: SecurityContext = { ...own };
  const from: Record<string, string> = {};
  for (const k of Object.keys(own)) from[k] = `${c.path}.securityContext.${k}`;
  for (const field of POD_LEVEL_INHERITED) {
    if (own[field] === undefined && podSc[field] !== undefined) {
      (sc as Record<string, unknown>)[field] = podSc[field];
      from[field] = `${pod.path}.securityContext.${field}`;
    }
  }
  return { sc, from };
};

/** A readable label for a container in messages: "Container 'api' of Deployment 'web'". */
export const describeContainer = (obj: K8sObject, c: ContainerRef): string => {
  const label = c.type === "containers" ? "Container" : c.type === "initContainers" ? "Init container" : "Ephemeral container";
  return `${label} '${c.container.name ?? `#${c.index}`}' of ${describeObject(obj)}`;
};

export const describeObject = (obj: K8sObject): string => `${obj.kind ?? "object"} '${obj.metadata?.name ?? "?"}'`;

export const WORKLOAD_CONTROLLER_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController", "Rollout"]);
