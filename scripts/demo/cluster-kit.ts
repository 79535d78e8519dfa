import { createHash } from "node:crypto";

/** Building blocks for the demo cluster: deterministic names, uids, times and the objects controllers create. */
export type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BASE = Date.parse("2024-09-02T08:00:00Z");
export const NOW = "2024-11-18T09:30:00Z";

export const hash = (seed: string, n = 10) => createHash("sha256").update(seed).digest("hex").slice(0, n);
export const uid = (seed: string) => {
  const h = hash(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
export const at = (days: number, hours = 0) => new Date(BASE + (days * 24 + hours) * 3600_000).toISOString().replace(".000", "");
const suffix = (seed: string) => hash(seed, 5).replace(/[0-9]/g, (d) => "bcdfghjklm"[Number(d)]);

export const meta = (kind: string, name: string, namespace?: string, extra: Obj = {}, day = 0): Obj => ({
  name,
  ...(namespace ? { namespace } : {}),
  uid: uid(`${kind}/${namespace ?? ""}/${name}`),
  creationTimestamp: at(day),
  ...extra,
});

export const owner = (o: Obj): Obj => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid, controller: true, blockOwnerDeletion: true });

export const NODES = ["cp-1", "worker-a1", "worker-a2", "worker-b1", "worker-b2"];
const WORKERS = NODES.slice(1);

const podIP = (seed: string) => `10.244.${parseInt(hash(seed, 2), 16) % 8}.${(parseInt(hash(`${seed}ip`, 2), 16) % 250) + 2}`;

const containerStatuses = (spec: Obj, ready: boolean, seed: string, terminated = false) =>
  (spec.containers ?? []).map((c: Obj, i: number) => ({
    name: c.name,
    image: c.image,
    imageID: `${String(c.image).split(":")[0]}@sha256:${hash(`${c.image}`, 64)}`,
    ready: ready && !terminated,
    started: !terminated,
    restartCount: parseInt(hash(`${seed}${i}rc`, 2), 16) % 9 === 0 ? 3 : 0,
    state: terminated ? { terminated: { exitCode: 0, reason: "Completed" } } : { running: { startedAt: at(60) } },
  }));

/** A pod as a controller creates it: template labels and spec, owner reference, scheduling and status. */
export const pod = (o: { name: string; namespace: string; template: Obj; ownerObj?: Obj; node?: string; day?: number; phase?: string; extraLabels?: Obj }): Obj => {
  const spec = structuredClone(o.template.spec);
  const node = o.node ?? WORKERS[parseInt(hash(o.name, 2), 16) % WORKERS.length];
  const phase = o.phase ?? "Running";
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: meta("Pod", o.name, o.namespace, {
      labels: { ...(o.template.metadata?.labels ?? {}), ...(o.extraLabels ?? {}) },
      ...(o.template.metadata?.annotations ? { annotations: o.template.metadata.annotations } : {}),
      ...(o.ownerObj ? { ownerReferences: [owner(o.ownerObj)] } : {}),
    }, o.day ?? 60),
    spec: { ...spec, nodeName: node, serviceAccountName: spec.serviceAccountName ?? "default", restartPolicy: spec.restartPolicy ?? "Always" },
    status: {
      phase,
      hostIP: `192.168.10.${NODES.indexOf(node) + 11}`,
      podIP: spec.hostNetwork ? `192.168.10.${NODES.indexOf(node) + 11}` : podIP(o.name),
      qosClass: "Burstable",
      startTime: at(o.day ?? 60),
      conditions: [{ type: "Ready", status: phase === "Running" ? "True" : "False" }],
      containerStatuses: containerStatuses(spec, phase === "Running", o.name, phase === "Succeeded"),
    },
  };
};

/** A Deployment with its ReplicaSets (current, plus old ones scaled to zero) and the current one's pods. */
export const deployment = (o: { name: string; namespace: string; replicas: number; template: Obj; oldRevisions?: number; day?: number; labels?: Obj; annotations?: Obj }): Obj[] => {
  const labels = { app: o.name, ...(o.labels ?? {}) };
  const template = { ...o.template, metadata: { ...(o.template.metadata ?? {}), labels: { ...labels, ...(o.template.metadata?.labels ?? {}) } } };
  const revision = (o.oldRevisions ?? 0) + 1;
  const dep = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: meta("Deployment", o.name, o.namespace, { labels, annotations: { "deployment.kubernetes.io/revision": String(revision), ...(o.annotations ?? {}) }, generation: revision }, o.day ?? 10),
    spec: { replicas: o.replicas, revisionHistoryLimit: 10, selector: { matchLabels: { app: o.name } }, strategy: { type: "RollingUpdate" }, template },
    status: { observedGeneration: revision, replicas: o.replicas, readyReplicas: o.replicas, availableReplicas: o.replicas, updatedReplicas: o.replicas },
  };
  const out: Obj[] = [dep];
  for (let r = 1; r <= revision; r++) {
    const current = r === revision;
    const podHash = hash(`${o.namespace}/${o.name}/rev${r}`, 10).replace(/[0-9]/g, (d) => "bcdfghjklm"[Number(d)]);
    const rsTemplate = { ...template, metadata: { ...template.metadata, labels: { ...template.metadata.labels, "pod-template-hash": podHash } } };
    const replicas = current ? o.replicas : 0;
    const rs = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: meta("ReplicaSet", `${o.name}-${podHash}`, o.namespace, {
        labels: rsTemplate.metadata.labels,
        annotations: { "deployment.kubernetes.io/revision": String(r), "deployment.kubernetes.io/desired-replicas": String(o.replicas) },
        ownerReferences: [owner(dep)],
      }, (o.day ?? 10) + r * 7),
      spec: { replicas, selector: { matchLabels: { app: o.name, "pod-template-hash": podHash } }, template: rsTemplate },
      status: { replicas, readyReplicas: replicas, availableReplicas: replicas, fullyLabeledReplicas: replicas, observedGeneration: 1 },
    };
    out.push(rs);
    if (current) for (let i = 0; i < replicas; i++) out.push(pod({ name: `${rs.metadata.name}-${suffix(`${rs.metadata.name}${i}`)}`, namespace: o.namespace, template: rsTemplate, ownerObj: rs }));
  }
  return out;
};

export const statefulSet = (o: { name: string; namespace: string; replicas: number; template: Obj; serviceName?: string; volumeClaimTemplates?: Obj[] }): Obj[] => {
  const labels = { app: o.name };
  const template = { ...o.template, metadata: { labels: { ...labels, ...(o.template.metadata?.labels ?? {}) }, ...(o.template.metadata?.annotations ? { annotations: o.template.metadata.annotations } : {}) } };
  const sts = {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: meta("StatefulSet", o.name, o.namespace, { labels }, 5),
    spec: { replicas: o.replicas, serviceName: o.serviceName ?? o.name, selector: { matchLabels: labels }, template, ...(o.volumeClaimTemplates ? { volumeClaimTemplates: o.volumeClaimTemplates } : {}) },
    status: { replicas: o.replicas, readyReplicas: o.replicas, currentReplicas: o.replicas, updatedReplicas: o.replicas, availableReplicas: o.replicas },
  };
  const pods = Array.from({ length: o.replicas }, (_, i) =>
    pod({ name: `${o.name}-${i}`, namespace: o.namespace, template, ownerObj: sts, extraLabels: { "statefulset.kubernetes.io/pod-name": `${o.name}-${i}`, "apps.kubernetes.io/pod-index": String(i) } }));
  return [sts, ...pods];
};

export const daemonSet = (o: { name: string; namespace: string; template: Obj; nodes?: string[] }): Obj[] => {
  const labels = { app: o.name };
  const nodes = o.nodes ?? NODES;
  const template = { ...o.template, metadata: { labels: { ...labels, ...(o.template.metadata?.labels ?? {}) }, ...(o.template.metadata?.annotations ? { annotations: o.template.metadata.annotations } : {}) } };
  const ds = {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: meta("DaemonSet", o.name, o.namespace, { labels }, 1),
    spec: { selector: { matchLabels: labels }, template, updateStrategy: { type: "RollingUpdate" } },
    status: { desiredNumberScheduled: nodes.length, currentNumberScheduled: nodes.length, numberReady: nodes.length, numberAvailable: nodes.length, updatedNumberScheduled: nodes.length },
  };
  return [ds, ...nodes.map((node) => pod({ name: `${o.name}-${suffix(`${o.name}${node}`)}`, namespace: o.namespace, template, ownerObj: ds, node }))];
};

/** A CronJob with its recent Jobs and their completed pods. */
export const cronJob = (o: { name: string; namespace: string; schedule: string; template: Obj; history: number }): Obj[] => {
  const cj = {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: meta("CronJob", o.name, o.namespace, { labels: { app: o.name } }, 20),
    spec: { schedule: o.schedule, concurrencyPolicy: "Forbid", successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, jobTemplate: { spec: { backoffLimit: 2, template: o.template } } },
    status: { lastScheduleTime: at(77) },
  };
  const out: Obj[] = [cj];
  for (let i = 0; i < o.history; i++) {
    const stamp = 28_880_000 + (77 - i) * 1440;
    out.push(...job({ name: `${o.name}-${stamp}`, namespace: o.namespace, template: o.template, ownerObj: cj, day: 77 - i }));
  }
  return out;
};

export const job = (o: { name: string; namespace: string; template: Obj; ownerObj?: Obj; day?: number }): Obj[] => {
  const jobUid = uid(`Job/${o.namespace}/${o.name}`);
  const labels = { "batch.kubernetes.io/job-name": o.name, "batch.kubernetes.io/controller-uid": jobUid };
  const template = { ...o.template, metadata: { labels: { ...(o.template.metadata?.labels ?? {}), ...labels } }, spec: { restartPolicy: "Never", ...o.template.spec } };
  const j = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: meta("Job", o.name, o.namespace, { labels, ...(o.ownerObj ? { ownerReferences: [owner(o.ownerObj)] } : {}) }, o.day ?? 3),
    spec: { backoffLimit: 2, completions: 1, parallelism: 1, template },
    status: { succeeded: 1, startTime: at(o.day ?? 3), completionTime: at(o.day ?? 3, 1) },
  };
  return [j, pod({ name: `${o.name}-${suffix(o.name)}`, namespace: o.namespace, template, ownerObj: j, phase: "Succeeded", day: o.day ?? 3 })];
};

export const service = (name: string, namespace: string, port: number, o: { type?: string; selector?: Obj; targetPort?: number; extraPorts?: Obj[]; annotations?: Obj } = {}): Obj => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: meta("Service", name, namespace, { labels: { app: name }, ...(o.annotations ? { annotations: o.annotations } : {}) }, 5),
  spec: {
    type: o.type ?? "ClusterIP",
    clusterIP: `10.96.${parseInt(hash(`${namespace}${name}`, 2), 16)}.${parseInt(hash(`${name}${namespace}`, 2), 16) % 250 + 1}`,
    selector: o.selector ?? { app: name },
    ports: [{ name: "http", port, targetPort: o.targetPort ?? port, protocol: "TCP" }, ...(o.extraPorts ?? [])],
  },
  ...(o.type === "LoadBalancer" ? { status: { loadBalancer: { ingress: [{ ip: `203.0.113.${parseInt(hash(name, 2), 16) % 200 + 10}` }] } } } : {}),
});

export const sa = (name: string, namespace: string, extra: Obj = {}): Obj => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: meta("ServiceAccount", name, namespace, {}, 5), ...extra });

export const configMap = (name: string, namespace: string, data: Obj, extraMeta: Obj = {}): Obj => ({ apiVersion: "v1", kind: "ConfigMap", metadata: meta("ConfigMap", name, namespace, extraMeta, 5), data });

/** Secret values are obvious placeholders: base64 of "FAKE-<name>-<key>". */
export const secret = (name: string, namespace: string, type: string, keys: string[], extraMeta: Obj = {}): Obj => ({
  apiVersion: "v1",
  kind: "Secret",
  metadata: meta("Secret", name, namespace, extraMeta, 5),
  type,
  data: Object.fromEntries(keys.map((k) => [k, Buffer.from(`FAKE-${name}-${k}`).toString("base64")])),
});

export const container = (name: string, image: string, extra: Obj = {}): Obj => ({ name, image, ...extra });

export const RESTRICTED_SC = { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" } };
export const RESOURCES = (cpu: string, mem: string) => ({ requests: { cpu, memory: mem }, limits: { memory: mem } });
export const PROBES = (port: number, path = "/healthz") => ({ readinessProbe: { httpGet: { path, port } }, livenessProbe: { httpGet: { path, port } } });
