/**
 * A deterministic synthetic cluster: the mix of kinds and the shape of each object follow what
 * `kubectl get -o json` returns from a real multi-tenant cluster (pods with full status and managedFields,
 * controllers owning ReplicaSets owning Pods, Secrets as metadata only, RBAC, network policies, Istio).
 */
export const mulberry32 = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

type Obj = Record<string, unknown> & { apiVersion: string; kind: string };
type Rand = () => number;

const pick = <T,>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const hex = (r: Rand, n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join("");
const uid = (r: Rand) => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}`;
const TS = "2026-05-20T08:14:31Z";

const TEAMS = ["payments", "checkout", "search", "identity", "catalog", "ledger", "notify", "media", "ml", "platform"];
const APPS = ["api", "worker", "web", "gateway", "sync", "indexer", "scheduler", "cache", "frontend", "consumer"];
const REGISTRIES = ["registry.corp.example/", "ghcr.io/acme/", "docker.io/library/", "quay.io/acme/", ""];
const IMAGES = ["nginx", "redis", "api-server", "worker", "python", "node", "envoy", "postgres", "busybox", "java-app"];

const meta = (r: Rand, kind: string, name: string, namespace: string | undefined, extra: Record<string, unknown> = {}) => ({
  name,
  ...(namespace ? { namespace } : {}),
  uid: uid(r),
  resourceVersion: String(100000 + Math.floor(r() * 9e6)),
  generation: 1 + Math.floor(r() * 20),
  creationTimestamp: TS,
  labels: { app: name.split("-").slice(0, 2).join("-"), "app.kubernetes.io/part-of": namespace ?? "cluster", "app.kubernetes.io/managed-by": "Helm" },
  annotations: r() < 0.5 ? { "meta.helm.sh/release-name": name, "meta.helm.sh/release-namespace": namespace ?? "default" } : {},
  managedFields: [
    {
      manager: kind === "Pod" ? "kube-controller-manager" : "helm",
      operation: "Update",
      apiVersion: "v1",
      time: TS,
      fieldsType: "FieldsV1",
      fieldsV1: { "f:metadata": { "f:labels": { ".": {}, "f:app": {} } }, "f:spec": { "f:containers": { 'k:{"name":"app"}': { ".": {}, "f:image": {}, "f:name": {} } } } },
    },
  ],
  ...extra,
});

const container = (r: Rand, name: string, i: number) => {
  const hardened = r() < 0.6;
  return {
    name: i === 0 ? name : `${name}-sidecar-${i}`,
    image: `${pick(r, REGISTRIES)}${pick(r, IMAGES)}:${r() < 0.1 ? "latest" : `1.${Math.floor(r() * 30)}.${Math.floor(r() * 9)}`}`,
    imagePullPolicy: pick(r, ["IfNotPresent", "Always"]),
    ports: [{ containerPort: 8080 + i, name: "http", protocol: "TCP", ...(r() < 0.02 ? { hostPort: 8080 } : {}) }],
    env: Array.from({ length: 3 + Math.floor(r() * 8) }, (_, k) =>
      k === 0 && r() < 0.05 ? { name: "DB_PASSWORD", value: "hunter2hunter2" } : k % 3 === 0
        ? { name: `SECRET_${k}`, valueFrom: { secretKeyRef: { name: `${name}-secret`, key: `key${k}` } } }
        : { name: `SETTING_${k}`, value: `value-${hex(r, 6)}` },
    ),
    resources: r() < 0.8 ? { limits: { cpu: "500m", memory: "512Mi" }, requests: { cpu: "100m", memory: "128Mi" } } : {},
    ...(r() < 0.7 ? { livenessProbe: { httpGet: { path: "/healthz", port: 8080 + i }, periodSeconds: 10 }, readinessProbe: { httpGet: { path: "/ready", port: 8080 + i } } } : {}),
    securityContext: hardened
      ? { runAsNonRoot: true, runAsUser: 10001, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" } }
      : r() < 0.05
        ? { privileged: true }
        : { capabilities: { add: r() < 0.3 ? ["NET_ADMIN"] : [] } },
    volumeMounts: [
      { name: "kube-api-access", mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", readOnly: true },
      { name: "config", mountPath: "/etc/app" },
    ],
    terminationMessagePath: "/dev/termination-log",
    terminationMessagePolicy: "File",
  };
};

const podSpec = (r: Rand, name: string, sa: string) => ({
  serviceAccountName: sa,
  ...(r() < 0.3 ? { automountServiceAccountToken: false } : {}),
  ...(r() < 0.02 ? { hostNetwork: true } : {}),
  ...(r() < 0.01 ? { hostPID: true } : {}),
  securityContext: r() < 0.5 ? { runAsNonRoot: true, fsGroup: 2000, seccompProfile: { type: "RuntimeDefault" } } : {},
  containers: Array.from({ length: 1 + Math.floor(r() * 2.2) }, (_, i) => container(r, name, i)),
  ...(r() < 0.2 ? { initContainers: [container(r, `${name}-init`, 0)] } : {}),
  volumes: [
    {
      name: "kube-api-access",
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
          { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
        ],
      },
    },
    { name: "config", configMap: { name: `${name}-config` } },
    ...(r() < 0.03 ? [{ name: "host", hostPath: { path: "/var/log", type: "Directory" } }] : []),
  ],
  restartPolicy: "Always",
  terminationGracePeriodSeconds: 30,
  dnsPolicy: "ClusterFirst",
  schedulerName: "default-scheduler",
  tolerations: [
    { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
    { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
  ],
  nodeName: `node-${Math.floor(r() * 200)}`,
});

const podStatus = (r: Rand, spec: ReturnType<typeof podSpec>) => ({
  phase: "Running",
  conditions: ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"].map((type) => ({ type, status: "True", lastProbeTime: null, lastTransitionTime: TS })),
  hostIP: `10.0.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`,
  hostIPs: [{ ip: `10.0.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}` }],
  podIP: `10.244.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`,
  podIPs: [{ ip: `10.244.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}` }],
  startTime: TS,
  qosClass: "Burstable",
  containerStatuses: spec.containers.map((c) => ({
    name: c.name,
    state: { running: { startedAt: TS } },
    lastState: r() < 0.2 ? { terminated: { exitCode: 137, reason: "OOMKilled", startedAt: TS, finishedAt: TS, containerID: `containerd://${hex(r, 64)}` } } : {},
    ready: true,
    restartCount: Math.floor(r() * 3),
    image: c.image,
    imageID: `${c.image.split(":")[0]}@sha256:${hex(r, 64)}`,
    containerID: `containerd://${hex(r, 64)}`,
    started: true,
    volumeMounts: c.volumeMounts.map((m) => ({ ...m, recursiveReadOnly: "Disabled" })),
  })),
});

/** Shares of each kind in the object count (the rest are Pods). */
const MIX: Array<[string, number]> = [
  ["ReplicaSet", 0.1],
  ["Deployment", 0.06],
  ["StatefulSet", 0.01],
  ["DaemonSet", 0.003],
  ["Job", 0.015],
  ["CronJob", 0.005],
  ["Service", 0.06],
  ["ConfigMap", 0.1],
  ["Secret", 0.08],
  ["ServiceAccount", 0.05],
  ["Role", 0.02],
  ["RoleBinding", 0.03],
  ["ClusterRole", 0.005],
  ["ClusterRoleBinding", 0.005],
  ["NetworkPolicy", 0.02],
  ["Ingress", 0.015],
  ["PeerAuthentication", 0.003],
  ["AuthorizationPolicy", 0.006],
  ["DestinationRule", 0.004],
  ["VirtualService", 0.004],
];

const API: Record<string, string> = {
  Pod: "v1", Service: "v1", ConfigMap: "v1", Secret: "v1", ServiceAccount: "v1", Namespace: "v1",
  ReplicaSet: "apps/v1", Deployment: "apps/v1", StatefulSet: "apps/v1", DaemonSet: "apps/v1",
  Job: "batch/v1", CronJob: "batch/v1",
  Role: "rbac.authorization.k8s.io/v1", RoleBinding: "rbac.authorization.k8s.io/v1",
  ClusterRole: "rbac.authorization.k8s.io/v1", ClusterRoleBinding: "rbac.authorization.k8s.io/v1",
  NetworkPolicy: "networking.k8s.io/v1", Ingress: "networking.k8s.io/v1",
  PeerAuthentication: "security.istio.io/v1", AuthorizationPolicy: "security.istio.io/v1",
  DestinationRule: "networking.istio.io/v1", VirtualService: "networking.istio.io/v1",
};

const VERBS = [["get", "list", "watch"], ["get", "list", "watch", "create", "update", "patch", "delete"], ["*"]];
const RESOURCES = [["pods"], ["configmaps"], ["secrets"], ["deployments", "replicasets"], ["*"], ["pods/exec"], ["services", "endpoints"]];

/** Generates `total` objects, grouped by kind in the order an API collector lists them. */
export const generateCluster = (total: number, seed: number): Map<string, Obj[]> => {
  const r = mulberry32(seed);
  const out = new Map<string, Obj[]>();
  const push = (o: Obj) => {
    const list = out.get(o.kind);
    if (list) list.push(o);
    else out.set(o.kind, [o]);
  };
  const namespaces = Math.max(4, Math.round(total / 250));
  const nsNames = Array.from({ length: namespaces }, (_, i) => `${TEAMS[i % TEAMS.length]}-${Math.floor(i / TEAMS.length)}`);
  for (const ns of nsNames)
    push({ apiVersion: "v1", kind: "Namespace", metadata: meta(r, "Namespace", ns, undefined, r() < 0.6 ? { labels: { "pod-security.kubernetes.io/enforce": "baseline", "istio-injection": "enabled" } } : {}), spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } });
  const counts = MIX.map(([kind, share]) => [kind, Math.round(total * share)] as const);
  const pods = total - namespaces - counts.reduce((s, [, n]) => s + n, 0);
  const rsOwners: Array<{ ns: string; name: string; uid: string }> = [];
  const deployments: Array<{ ns: string; name: string; uid: string }> = [];

  for (const [kind, n] of counts) {
    for (let i = 0; i < n; i++) {
      const ns = pick(r, nsNames);
      const app = `${pick(r, APPS)}-${i}`;
      const m = meta(r, kind, app, kind.startsWith("Cluster") ? undefined : ns);
      const base = { apiVersion: API[kind], kind, metadata: m } as Obj;
      const template = () => ({ metadata: { labels: { app }, ...(r() < 0.2 ? { annotations: { "sidecar.istio.io/inject": "true" } } : {}) }, spec: podSpec(r, app, r() < 0.3 ? "default" : app) });
      switch (kind) {
        case "Deployment":
          deployments.push({ ns, name: app, uid: m.uid });
          push({ ...base, spec: { replicas: 3, selector: { matchLabels: { app } }, template: template(), strategy: { type: "RollingUpdate" } }, status: { replicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 4 } });
          break;
        case "ReplicaSet": {
          const owner = deployments.length && r() < 0.9 ? pick(r, deployments) : undefined;
          const rs = { ...base, metadata: { ...m, ...(owner ? { namespace: owner.ns, name: `${owner.name}-${hex(r, 9)}`, ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: owner.name, uid: owner.uid, controller: true, blockOwnerDeletion: true }] } : {}) }, spec: { replicas: 3, selector: { matchLabels: { app } }, template: template() }, status: { replicas: 3, readyReplicas: 3 } } as Obj;
          const rm = rs.metadata as { namespace: string; name: string; uid: string };
          rsOwners.push({ ns: rm.namespace, name: rm.name, uid: rm.uid });
          push(rs);
          break;
        }
        case "StatefulSet":
        case "DaemonSet":
          push({ ...base, spec: { selector: { matchLabels: { app } }, template: template(), ...(kind === "StatefulSet" ? { serviceName: app, replicas: 3 } : {}) }, status: { observedGeneration: 2 } });
          break;
        case "Job":
          push({ ...base, spec: { backoffLimit: 3, template: { ...template(), spec: { ...template().spec, restartPolicy: "Never" } } }, status: { succeeded: 1 } });
          break;
        case "CronJob":
          push({ ...base, spec: { schedule: "*/15 * * * *", jobTemplate: { spec: { template: { ...template(), spec: { ...template().spec, restartPolicy: "OnFailure" } } } } } });
          break;
        case "Service":
          push({ ...base, spec: { type: r() < 0.05 ? "LoadBalancer" : r() < 0.1 ? "NodePort" : "ClusterIP", selector: { app }, ports: [{ name: "http", port: 80, targetPort: 8080, protocol: "TCP" }], clusterIP: `10.96.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}` } });
          break;
        case "ConfigMap":
          push({ ...base, data: Object.fromEntries(Array.from({ length: 2 + Math.floor(r() * 6) }, (_, k) => [k === 0 && r() < 0.05 ? "password" : `setting_${k}`, `value-${hex(r, 16)}`])) });
          break;
        case "Secret":
          push({ ...base, type: pick(r, ["Opaque", "kubernetes.io/tls", "kubernetes.io/dockerconfigjson", "kubernetes.io/service-account-token"]) });
          break;
        case "ServiceAccount":
          push({ ...base, ...(r() < 0.3 ? { automountServiceAccountToken: false } : {}) });
          break;
        case "Role":
        case "ClusterRole":
          push({ ...base, rules: Array.from({ length: 1 + Math.floor(r() * 4) }, () => ({ apiGroups: [pick(r, ["", "apps", "*"])], resources: pick(r, RESOURCES), verbs: pick(r, VERBS) })) });
          break;
        case "RoleBinding":
        case "ClusterRoleBinding":
          push({ ...base, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: kind === "RoleBinding" && r() < 0.7 ? "Role" : "ClusterRole", name: r() < 0.05 ? "cluster-admin" : `${pick(r, APPS)}-${Math.floor(r() * 50)}` }, subjects: [r() < 0.9 ? { kind: "ServiceAccount", name: `${pick(r, APPS)}-${Math.floor(r() * 50)}`, namespace: ns } : { kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: pick(r, ["developers", "system:authenticated", "sre"]) }] });
          break;
        case "NetworkPolicy":
          push({ ...base, spec: { podSelector: r() < 0.3 ? {} : { matchLabels: { app } }, policyTypes: ["Ingress", "Egress"], ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: ns } } }] }], egress: r() < 0.2 ? [{}] : [{ to: [{ ipBlock: { cidr: "10.0.0.0/8" } }] }] } });
          break;
        case "Ingress":
          push({ ...base, metadata: { ...m, annotations: { ...(m.annotations as object), ...(r() < 0.1 ? { "nginx.ingress.kubernetes.io/configuration-snippet": "more_set_headers 'X: y';" } : {}) } }, spec: { ingressClassName: "nginx", ...(r() < 0.6 ? { tls: [{ hosts: [`${app}.example.com`], secretName: `${app}-tls` }] } : {}), rules: [{ host: `${app}.example.com`, http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: app, port: { number: 80 } } } }] } }] } });
          break;
        case "PeerAuthentication":
          push({ ...base, spec: { mtls: { mode: pick(r, ["STRICT", "STRICT", "PERMISSIVE", "DISABLE"]) } } });
          break;
        case "AuthorizationPolicy":
          push({ ...base, spec: { selector: { matchLabels: { app } }, action: "ALLOW", rules: r() < 0.1 ? [{}] : [{ from: [{ source: { principals: [`cluster.local/ns/${ns}/sa/${app}`] } }], to: [{ operation: { methods: ["GET"] } }] }] } });
          break;
        case "DestinationRule":
          push({ ...base, spec: { host: `${app}.${ns}.svc.cluster.local`, trafficPolicy: { tls: { mode: pick(r, ["ISTIO_MUTUAL", "ISTIO_MUTUAL", "DISABLE", "SIMPLE"]) } } } });
          break;
        case "VirtualService":
          push({ ...base, spec: { hosts: [`${app}.example.com`], gateways: ["istio-system/public"], http: [{ route: [{ destination: { host: app, port: { number: 80 } } }] }] } });
          break;
      }
    }
  }
  for (let i = 0; i < pods; i++) {
    const owner = rsOwners.length && r() < 0.85 ? pick(r, rsOwners) : undefined;
    const ns = owner?.ns ?? pick(r, nsNames);
    const name = owner ? `${owner.name}-${hex(r, 5)}` : `${pick(r, APPS)}-standalone-${i}`;
    const m = meta(r, "Pod", name, ns, owner ? { ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: owner.name, uid: owner.uid, controller: true, blockOwnerDeletion: true }] } : {});
    const spec = podSpec(r, name.split("-")[0], r() < 0.3 ? "default" : name.split("-")[0]);
    push({ apiVersion: "v1", kind: "Pod", metadata: m, spec, status: podStatus(r, spec) });
  }
  return out;
};

/** API list pages of `pageSize` items, as the collector (or `kubectl get -o json` with --chunk-size) returns them. */
export const toPages = (cluster: Map<string, Obj[]>, pageSize = 500): string[] => {
  const pages: string[] = [];
  for (const [kind, items] of cluster) {
    for (let i = 0; i < items.length; i += pageSize) {
      const more = i + pageSize < items.length;
      pages.push(JSON.stringify({ apiVersion: API[kind] ?? "v1", kind: `${kind}List`, metadata: { resourceVersion: "987654321", ...(more ? { continue: `token-${i + pageSize}` } : {}) }, items: items.slice(i, i + pageSize) }));
    }
  }
  return pages;
};
