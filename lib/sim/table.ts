import type { K8sObject } from "../scanner/types";

type Column = { name: string; type: string; format: string; description: string; priority: number; cell: (o: K8sObject, now: number) => unknown };

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const spec = (o: K8sObject): Any => (o.spec ?? {}) as Any;
const status = (o: K8sObject): Any => (o.status ?? {}) as Any;

/** "5d", "3h12m", "40s": the short ages kubectl prints. */
export const shortAge = (created: unknown, now: number): string => {
  const t = typeof created === "string" ? Date.parse(created) : NaN;
  if (Number.isNaN(t)) return "<unknown>";
  const s = Math.max(0, Math.floor((now - t) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  return d < 365 * 2 ? `${d}d` : `${Math.floor(d / 365)}y`;
};

const col = (name: string, cell: Column["cell"], priority = 0, type = "string", format = ""): Column =>
  ({ name, type, format, description: `${name} column`, priority, cell });

const NAME = col("Name", (o) => o.metadata?.name ?? "", 0, "string", "name");
const AGE = col("Age", (o, now) => shortAge(o.metadata?.creationTimestamp, now));
const replicas = (o: K8sObject) => `${status(o).readyReplicas ?? 0}/${spec(o).replicas ?? 1}`;
const images = (o: K8sObject) => ((spec(o).template?.spec?.containers ?? []) as Any[]).map((c) => c.image).join(",");

const podReady = (o: K8sObject) => {
  const cs = (status(o).containerStatuses ?? []) as Any[];
  const total = ((spec(o).containers ?? []) as Any[]).length;
  return `${cs.filter((c) => c.ready).length}/${total}`;
};

const COLUMNS: Record<string, Column[]> = {
  Pod: [
    NAME,
    col("Ready", podReady),
    col("Status", (o) => status(o).phase ?? "Unknown"),
    col("Restarts", (o) => ((status(o).containerStatuses ?? []) as Any[]).reduce((n, c) => n + (c.restartCount ?? 0), 0), 0, "integer"),
    AGE,
    col("IP", (o) => status(o).podIP ?? "<none>", 1),
    col("Node", (o) => spec(o).nodeName ?? "<none>", 1),
  ],
  Deployment: [NAME, col("Ready", replicas), col("Up-to-date", (o) => status(o).updatedReplicas ?? 0, 0, "integer"), col("Available", (o) => status(o).availableReplicas ?? 0, 0, "integer"), AGE, col("Images", images, 1)],
  StatefulSet: [NAME, col("Ready", replicas), AGE, col("Images", images, 1)],
  ReplicaSet: [NAME, col("Desired", (o) => spec(o).replicas ?? 0, 0, "integer"), col("Current", (o) => status(o).replicas ?? 0, 0, "integer"), col("Ready", (o) => status(o).readyReplicas ?? 0, 0, "integer"), AGE],
  DaemonSet: [NAME, col("Desired", (o) => status(o).desiredNumberScheduled ?? 0, 0, "integer"), col("Ready", (o) => status(o).numberReady ?? 0, 0, "integer"), AGE],
  Service: [NAME, col("Type", (o) => spec(o).type ?? "ClusterIP"), col("Cluster-IP", (o) => spec(o).clusterIP ?? "<none>"),
    col("Ports", (o) => ((spec(o).ports ?? []) as Any[]).map((p) => `${p.port}/${p.protocol ?? "TCP"}`).join(",") || "<none>"), AGE],
  Secret: [NAME, col("Type", (o) => (o as Any).type ?? "Opaque"), col("Data", (o) => Object.keys({ ...(o as Any).data, ...(o as Any).stringData }).length, 0, "integer"), AGE],
  ConfigMap: [NAME, col("Data", (o) => Object.keys({ ...(o as Any).data, ...(o as Any).binaryData }).length, 0, "integer"), AGE],
  Namespace: [NAME, col("Status", (o) => status(o).phase ?? "Active"), AGE],
  Node: [NAME, col("Status", (o) => (((status(o).conditions ?? []) as Any[]).find((c) => c.type === "Ready")?.status === "True" ? "Ready" : "NotReady")),
    col("Roles", (o) => Object.keys(o.metadata?.labels ?? {}).filter((l) => l.startsWith("node-role.kubernetes.io/")).map((l) => l.split("/")[1]).join(",") || "<none>"),
    AGE, col("Version", (o) => status(o).nodeInfo?.kubeletVersion ?? "")],
  ClusterRoleBinding: [NAME, col("Role", (o) => `${(o as Any).roleRef?.kind ?? ""}/${(o as Any).roleRef?.name ?? ""}`), AGE],
  RoleBinding: [NAME, col("Role", (o) => `${(o as Any).roleRef?.kind ?? ""}/${(o as Any).roleRef?.name ?? ""}`), AGE],
  ClusterRole: [NAME, col("Created At", (o) => o.metadata?.creationTimestamp ?? "", 0, "date")],
  Role: [NAME, col("Created At", (o) => o.metadata?.creationTimestamp ?? "", 0, "date")],
  ServiceAccount: [NAME, col("Secrets", (o) => ((o as Any).secrets ?? []).length, 0, "integer"), AGE],
  Job: [NAME, col("Completions", (o) => `${status(o).succeeded ?? 0}/${spec(o).completions ?? 1}`), AGE],
  CronJob: [NAME, col("Schedule", (o) => spec(o).schedule ?? ""), col("Suspend", (o) => String(spec(o).suspend ?? false)), col("Last Schedule", (o, now) => shortAge(status(o).lastScheduleTime, now)), AGE],
  Ingress: [NAME, col("Class", (o) => spec(o).ingressClassName ?? "<none>"),
    col("Hosts", (o) => ((spec(o).rules ?? []) as Any[]).map((r) => r.host ?? "*").join(",") || "*"), AGE],
  NetworkPolicy: [NAME, col("Pod-Selector", (o) => Object.entries(spec(o).podSelector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(",") || "<none>"), AGE],
};

/** A meta.k8s.io Table of the given objects, with metadata-only row objects unless asked otherwise. */
export const toTable = (o: {
  objects: K8sObject[];
  kind: string;
  apiVersion: string;
  includeObject: string | null;
  listMeta: Record<string, unknown>;
  now: number;
  metadataOnly: (obj: K8sObject) => K8sObject;
}) => {
  const columns = COLUMNS[o.kind] ?? [NAME, AGE];
  return {
    kind: "Table",
    apiVersion: o.apiVersion,
    metadata: o.listMeta,
    columnDefinitions: columns.map(({ cell: _cell, ...c }) => c),
    rows: o.objects.map((obj) => ({
      cells: columns.map((c) => c.cell(obj, o.now)),
      ...(o.includeObject === "None" ? {} : { object: o.includeObject === "Object" && o.kind !== "Secret" ? obj : o.metadataOnly(obj) }),
    })),
  };
};
