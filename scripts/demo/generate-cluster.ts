// Generates lib/sim/demo-cluster/*.yaml, deterministically: node --import tsx scripts/demo/generate-cluster.ts
import fs from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { configMap, container, cronJob, daemonSet, deployment, hash, job, meta, NODES, type Obj, PROBES, RESOURCES, RESTRICTED_SC, sa, secret, service, statefulSet } from "./cluster-kit";
import { platform } from "./platform";

const OUT = path.join(import.meta.dirname, "..", "..", "lib", "sim", "demo-cluster");

const boutiqueApp = (ns: string, name: string, image: string, port: number, o: { replicas: number; hardened: boolean; env?: Obj[]; oldRevisions?: number }) => {
  const c = container("server", image, {
    ports: [{ containerPort: port, name: "http" }],
    ...(o.env ? { env: o.env } : {}),
    ...(o.hardened ? { securityContext: RESTRICTED_SC, resources: RESOURCES("100m", "128Mi"), ...PROBES(port) } : {}),
  });
  return [
    sa(name, ns),
    service(name, ns, port),
    ...deployment({
      name, namespace: ns, replicas: o.replicas, oldRevisions: o.oldRevisions,
      template: { spec: { serviceAccountName: name, ...(o.hardened ? { automountServiceAccountToken: false, securityContext: { runAsUser: 10001, fsGroup: 10001 } } : {}), containers: [c] } },
    }),
  ];
};

const shop = (ns: string, staging: boolean): Obj[] => {
  const r = (n: number) => (staging ? 1 : n);
  const reg = "registry.shop.example/boutique";
  const out: Obj[] = [
    ...boutiqueApp(ns, "frontend", `${reg}/frontend:v0.10.1`, 8080, { replicas: r(3), hardened: true, oldRevisions: 2 }),
    ...boutiqueApp(ns, "cart", `${reg}/cartservice:v0.10.1`, 7070, { replicas: r(2), hardened: false, env: [{ name: "REDIS_ADDR", value: "redis:6379" }] }),
    ...boutiqueApp(ns, "checkout", `${reg}/checkoutservice:latest`, 5050, { replicas: r(2), hardened: false, oldRevisions: 1, env: [{ name: "PAYMENT_SERVICE_ADDR", value: "payments:50051" }] }),
    ...boutiqueApp(ns, "payments", `${reg}/paymentservice:v0.10.1`, 50051, {
      replicas: r(2), hardened: true,
      env: [{ name: "STRIPE_API_KEY", valueFrom: { secretKeyRef: { name: "payments-stripe", key: "api-key" } } }],
    }),
    ...boutiqueApp(ns, "catalog", `${reg}/productcatalogservice:v0.10.1`, 3550, { replicas: r(2), hardened: true }),
    ...boutiqueApp(ns, "recommendation", `${reg}/recommendationservice:v0.10.1`, 8080, { replicas: r(1), hardened: false }),
    ...boutiqueApp(ns, "shipping", `${reg}/shippingservice:v0.10.1`, 50051, { replicas: r(1), hardened: true }),
    ...boutiqueApp(ns, "email", `${reg}/emailservice:v0.10.1`, 8080, { replicas: r(1), hardened: false, env: [{ name: "SMTP_PASSWORD", value: "FAKE-not-a-real-smtp-password" }] }),
    ...boutiqueApp(ns, "currency", `${reg}/currencyservice:v0.10.1`, 7000, { replicas: r(1), hardened: true }),
    sa("redis", ns),
    service("redis", ns, 6379),
    ...deployment({ name: "redis", namespace: ns, replicas: 1, template: { spec: { serviceAccountName: "redis", containers: [container("redis", "redis:7.2.4-alpine", { ports: [{ containerPort: 6379 }] })] } } }),
    sa("postgres", ns),
    service("postgres", ns, 5432),
    ...statefulSet({
      name: "postgres", namespace: ns, replicas: 1,
      template: {
        spec: {
          serviceAccountName: "postgres",
          containers: [container("postgres", "postgres:15.4", {
            ports: [{ containerPort: 5432 }],
            env: [{ name: "POSTGRES_PASSWORD", valueFrom: { secretKeyRef: { name: "postgres-credentials", key: "password" } } }],
            resources: RESOURCES("250m", "1Gi"),
            volumeMounts: [{ name: "data", mountPath: "/var/lib/postgresql/data" }],
          })],
        },
      },
      volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "20Gi" } } } }],
    }),
    secret("postgres-credentials", ns, "Opaque", ["username", "password"]),
    secret("payments-stripe", ns, "Opaque", ["api-key"], {
      annotations: { "kubectl.kubernetes.io/last-applied-configuration": '{"apiVersion":"v1","data":{"api-key":"RkFLRS1wYXltZW50cy1zdHJpcGUtYXBpLWtleQ=="},"kind":"Secret","metadata":{"name":"payments-stripe"}}' },
    }),
    secret("registry-pull", ns, "kubernetes.io/dockerconfigjson", [".dockerconfigjson"]),
    secret("shop-tls", ns, "kubernetes.io/tls", ["tls.crt", "tls.key"], { annotations: { "cert-manager.io/certificate-name": "shop-tls" } }),
    configMap("frontend-config", ns, { CURRENCY_DEFAULT: "EUR", ENABLE_PROFILER: "0" }),
    configMap("checkout-config", ns, {
      "application.properties": "payments.url=http://payments:50051\n# TODO move to a secret\naws.accessKeyId=AKIAIOSFODNN7EXAMPLE\naws.secretAccessKey=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
    }),
    { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: meta("HorizontalPodAutoscaler", "frontend", ns, {}, 12),
      spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "frontend" }, minReplicas: r(3), maxReplicas: 10, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }] } },
    ...["frontend", "payments", "postgres"].map((app) => ({
      apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: meta("PodDisruptionBudget", app, ns, {}, 12), spec: { minAvailable: 1, selector: { matchLabels: { app } } },
    })),
    { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: meta("Ingress", "storefront", ns, { annotations: { "cert-manager.io/cluster-issuer": "letsencrypt" } }, 12),
      spec: { ingressClassName: "nginx", tls: [{ hosts: [staging ? "staging.shop.example.com" : "shop.example.com"], secretName: "shop-tls" }],
        rules: [{ host: staging ? "staging.shop.example.com" : "shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "frontend", port: { number: 8080 } } } }] } }] } },
  ];
  if (!staging) {
    out.push(
      { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: meta("Ingress", "shop-admin", ns, {
        annotations: { "nginx.ingress.kubernetes.io/configuration-snippet": "more_set_headers \"X-Debug: on\";\nproxy_set_header X-Forwarded-User $remote_user;\n", "nginx.ingress.kubernetes.io/auth-type": "basic" },
      }, 30), spec: { ingressClassName: "nginx", rules: [{ host: "admin.shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "frontend", port: { number: 8080 } } } }] } }] } },
      netpol("default-deny", ns, {}, []),
      netpol("allow-frontend-ingress", ns, { matchLabels: { app: "frontend" } }, [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } }] }]),
      netpol("allow-payments-from-checkout", ns, { matchLabels: { app: "payments" } }, [{ from: [{ podSelector: { matchLabels: { app: "checkout" } } }] }]),
      netpol("allow-postgres-from-apps", ns, { matchLabels: { app: "postgres" } }, [{ from: [{ podSelector: { matchExpressions: [{ key: "app", operator: "In", values: ["cart", "checkout", "catalog"] }] } }] }]),
      netpol("allow-same-namespace", ns, {}, [{ from: [{ podSelector: {} }] }]),
      { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: meta("Role", "checkout-secrets-reader", ns, {}, 8), rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"] }] },
      { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: meta("RoleBinding", "checkout-secrets-reader", ns, {}, 8),
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "checkout-secrets-reader" }, subjects: [{ kind: "ServiceAccount", name: "checkout", namespace: ns }] },
      { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: meta("RoleBinding", "default-edit", ns, {}, 8),
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" }, subjects: [{ kind: "ServiceAccount", name: "default", namespace: ns }] },
    );
  }
  return out;
};

const netpol = (name: string, ns: string, podSelector: Obj, ingress: Obj[]): Obj => ({
  apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: meta("NetworkPolicy", name, ns, {}, 9), spec: { podSelector, policyTypes: ["Ingress"], ingress },
});

const data = (): Obj[] => {
  const ns = "data";
  const spark = (cmd: string) => ({
    spec: {
      serviceAccountName: "spark",
      containers: [container("spark", "apache/spark:3.4.1", { command: ["/opt/spark/bin/spark-submit"], args: ["--master", "k8s://https://kubernetes.default.svc", cmd], resources: RESOURCES("1", "4Gi") })],
    },
  });
  return [
    sa("spark", ns), sa("airflow", ns), sa("jupyter", ns),
    ...cronJob({ name: "nightly-etl", namespace: ns, schedule: "0 2 * * *", history: 3, template: spark("local:///opt/jobs/etl.py") }),
    ...cronJob({ name: "tmp-cleanup", namespace: ns, schedule: "*/30 * * * *", history: 1, template: { spec: {
      containers: [container("cleanup", "busybox:1.36", { command: ["sh", "-c", "find /host/tmp -mtime +1 -delete"], securityContext: { runAsUser: 0 }, volumeMounts: [{ name: "host-tmp", mountPath: "/host/tmp" }] })],
      volumes: [{ name: "host-tmp", hostPath: { path: "/tmp", type: "Directory" } }],
    } } }),
    ...cronJob({ name: "weekly-report", namespace: ns, schedule: "0 6 * * 1", history: 1, template: spark("local:///opt/jobs/report.py") }),
    ...job({ name: "spark-backfill-2024-10", namespace: ns, template: spark("local:///opt/jobs/backfill.py"), day: 40 }),
    service("airflow-web", ns, 8080),
    ...deployment({ name: "airflow-web", namespace: ns, replicas: 1, template: { spec: { serviceAccountName: "airflow", containers: [container("webserver", "apache/airflow:2.7.1", {
      env: [{ name: "AIRFLOW__WEBSERVER__SECRET_KEY", value: "FAKE-airflow-secret-key" }, { name: "AIRFLOW__CORE__SQL_ALCHEMY_CONN", valueFrom: { secretKeyRef: { name: "airflow-db", key: "connection" } } }],
      ports: [{ containerPort: 8080 }] })] } } }),
    ...deployment({ name: "airflow-scheduler", namespace: ns, replicas: 1, template: { spec: { serviceAccountName: "airflow", containers: [container("scheduler", "apache/airflow:2.7.1", { args: ["scheduler"] })] } } }),
    ...statefulSet({ name: "airflow-worker", namespace: ns, replicas: 2, template: { spec: { serviceAccountName: "airflow", containers: [container("worker", "apache/airflow:2.7.1", { args: ["celery", "worker"] })] } } }),
    service("jupyter", ns, 8888, { type: "LoadBalancer" }),
    ...deployment({ name: "jupyter", namespace: ns, replicas: 1, template: { spec: { serviceAccountName: "jupyter", containers: [container("notebook", "jupyter/pyspark-notebook:latest", {
      ports: [{ containerPort: 8888 }], args: ["start-notebook.sh", "--NotebookApp.token=''"], securityContext: { runAsUser: 0, allowPrivilegeEscalation: true },
    })] } } }),
    secret("airflow-db", ns, "Opaque", ["connection"]),
    secret("s3-credentials", ns, "Opaque", ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]),
    configMap("spark-defaults", ns, { "spark-defaults.conf": "spark.executor.memory 4g\nspark.kubernetes.namespace data\n" }),
    { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: meta("Role", "spark-driver", ns, {}, 8),
      rules: [{ apiGroups: [""], resources: ["pods", "services", "configmaps"], verbs: ["*"] }, { apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }] },
    { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: meta("RoleBinding", "spark-driver", ns, {}, 8),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "spark-driver" }, subjects: [{ kind: "ServiceAccount", name: "spark", namespace: ns }] },
    { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: meta("RoleBinding", "analysts-admin", ns, {}, 8),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "admin" }, subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "data-analysts" }] },
  ];
};

/** The EndpointSlice the endpoints controller keeps for each selector Service: the ready pods it selects. */
const endpointSlices = (all: Obj[]): Obj[] =>
  all.filter((o) => o.kind === "Service" && o.spec?.selector).map((svc) => {
    const ns = svc.metadata.namespace;
    const sel = Object.entries(svc.spec.selector as Record<string, string>);
    const pods = all.filter((p) => p.kind === "Pod" && p.metadata.namespace === ns && p.status?.phase === "Running" && sel.every(([k, v]) => p.metadata.labels?.[k] === v));
    return {
      apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice",
      metadata: meta("EndpointSlice", `${svc.metadata.name}-${hash(svc.metadata.name, 5)}`, ns, {
        labels: { "kubernetes.io/service-name": svc.metadata.name, "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io" },
        ownerReferences: [{ apiVersion: "v1", kind: "Service", name: svc.metadata.name, uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }],
      }, 5),
      addressType: "IPv4",
      endpoints: pods.map((p) => ({ addresses: [p.status.podIP], conditions: { ready: true }, nodeName: p.spec.nodeName, targetRef: { kind: "Pod", name: p.metadata.name, namespace: ns, uid: p.metadata.uid } })),
      ports: (svc.spec.ports as Obj[]).map((pt) => ({ name: pt.name, port: pt.targetPort, protocol: pt.protocol })),
    };
  });

const write = (file: string, objects: Obj[]) => {
  const text = objects.map((o) => stringify(o, { lineWidth: 0 })).join("---\n");
  fs.writeFileSync(path.join(OUT, file), `# Generated by scripts/demo/generate-cluster.ts; do not edit by hand.\n${text}`);
  return objects.length;
};

const namespaces = ["default", "kube-system", "kube-public", "kube-node-lease", "shop", "shop-staging", "data", "ingress-nginx", "istio-system", "monitoring", "ops", "trivy-system", "cert-manager"];
const nsLabels: Record<string, Obj> = {
  shop: { "istio-injection": "enabled", "pod-security.kubernetes.io/enforce": "baseline" },
  "shop-staging": { "istio-injection": "enabled" },
  "kube-system": { "pod-security.kubernetes.io/enforce": "privileged" },
};

const main = () => {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of fs.readdirSync(OUT)) if (f.endsWith(".yaml")) fs.rmSync(path.join(OUT, f));
  const perNamespace = namespaces.flatMap((ns) => [
    { apiVersion: "v1", kind: "Namespace", metadata: meta("Namespace", ns, undefined, { labels: { "kubernetes.io/metadata.name": ns, ...(nsLabels[ns] ?? {}) } }), spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } },
    sa("default", ns),
    configMap("kube-root-ca.crt", ns, { "ca.crt": "-----BEGIN CERTIFICATE-----\nFAKE-demo-cluster-ca\n-----END CERTIFICATE-----\n" }),
  ]);
  const counts: Record<string, number> = {
    "00-namespaces.yaml": write("00-namespaces.yaml", perNamespace),
    "30-shop.yaml": write("30-shop.yaml", shop("shop", false)),
    "31-shop-staging.yaml": write("31-shop-staging.yaml", shop("shop-staging", true)),
    "40-data.yaml": write("40-data.yaml", data()),
  };
  const all: Obj[] = [...perNamespace, ...shop("shop", false), ...shop("shop-staging", true), ...data()];
  for (const [file, objects] of Object.entries(platform())) {
    counts[file] = write(file, objects);
    all.push(...objects);
  }
  counts["95-endpointslices.yaml"] = write("95-endpointslices.yaml", endpointSlices(all));
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  process.stdout.write(`${Object.entries(counts).map(([f, n]) => `${f}: ${n}`).join("\n")}\ntotal: ${total} objects, ${NODES.length} nodes\n`);
};

main();
