import { at, configMap, container, daemonSet, deployment, hash, job, meta, NODES, type Obj, pod, PROBES, RESOURCES, RESTRICTED_SC, sa, secret, service } from "./cluster-kit";

const RBAC = "rbac.authorization.k8s.io/v1";
const clusterRole = (name: string, rules: Obj[], labels?: Obj): Obj => ({ apiVersion: RBAC, kind: "ClusterRole", metadata: meta("ClusterRole", name, undefined, labels ? { labels } : {}), rules });
const crb = (name: string, role: string, subjects: Obj[]): Obj => ({
  apiVersion: RBAC, kind: "ClusterRoleBinding", metadata: meta("ClusterRoleBinding", name), roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role }, subjects,
});
const saSubject = (name: string, namespace: string) => ({ kind: "ServiceAccount", name, namespace });
const crd = (group: string, kind: string, plural: string, versions: string[], scope = "Namespaced"): Obj => ({
  apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", metadata: meta("CustomResourceDefinition", `${plural}.${group}`, undefined, {}, 2),
  spec: { group, scope, names: { kind, plural, singular: kind.toLowerCase(), listKind: `${kind}List` },
    versions: versions.map((name, i) => ({ name, served: true, storage: i === 0, schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } } })) },
});

const nodes = (): Obj[] =>
  NODES.map((name, i) => {
    const cp = i === 0;
    const lagging = name === "worker-b2";
    return {
      apiVersion: "v1", kind: "Node",
      metadata: meta("Node", name, undefined, { labels: { "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "topology.kubernetes.io/zone": `eu-west-1${"aabb"[Math.max(0, i - 1)] ?? "a"}`, ...(cp ? { "node-role.kubernetes.io/control-plane": "" } : { "node-role.kubernetes.io/worker": "" }) } }),
      spec: { podCIDR: `10.244.${i}.0/24`, ...(cp ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] } : {}) },
      status: {
        addresses: [{ type: "InternalIP", address: `192.168.10.${i + 11}` }, { type: "Hostname", address: name }],
        capacity: { cpu: "8", memory: "32883452Ki", pods: "110" },
        conditions: [{ type: "Ready", status: "True", reason: "KubeletReady" }],
        nodeInfo: {
          kubeletVersion: lagging ? "v1.27.3" : "v1.28.4", kubeProxyVersion: lagging ? "v1.27.3" : "v1.28.4",
          osImage: lagging ? "Ubuntu 20.04.6 LTS" : "Ubuntu 22.04.3 LTS", kernelVersion: lagging ? "5.4.0-162-generic" : "5.15.0-88-generic",
          containerRuntimeVersion: lagging ? "containerd://1.6.8" : "containerd://1.7.2", operatingSystem: "linux", architecture: "amd64",
          machineID: hash(`${name}mid`, 32), systemUUID: hash(`${name}uuid`, 32), bootID: hash(`${name}boot`, 32),
        },
      },
    };
  });

const staticPod = (name: string, image: string, command: string[]): Obj => {
  const node = { apiVersion: "v1", kind: "Node", metadata: { name: "cp-1", uid: meta("Node", "cp-1").uid } };
  const p = pod({ name: `${name}-cp-1`, namespace: "kube-system", node: "cp-1", day: 0, ownerObj: node,
    template: { metadata: { labels: { component: name, tier: "control-plane" }, annotations: { "kubernetes.io/config.source": "file" } },
      spec: { hostNetwork: true, priorityClassName: "system-node-critical", containers: [container(name, image, { command, resources: { requests: { cpu: "250m" } } })] } } });
  p.metadata.ownerReferences[0].blockOwnerDeletion = undefined;
  return p;
};

const kubeSystem = (): Obj[] => {
  const ns = "kube-system";
  return [
    staticPod("kube-apiserver", "registry.k8s.io/kube-apiserver:v1.28.4", ["kube-apiserver", "--advertise-address=192.168.10.11", "--authorization-mode=Node,RBAC", "--enable-admission-plugins=NodeRestriction", "--anonymous-auth=true", "--profiling=true", "--audit-log-path=", "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt"]),
    staticPod("etcd", "registry.k8s.io/etcd:3.5.9-0", ["etcd", "--client-cert-auth=true", "--data-dir=/var/lib/etcd", "--listen-client-urls=https://127.0.0.1:2379"]),
    staticPod("kube-controller-manager", "registry.k8s.io/kube-controller-manager:v1.28.4", ["kube-controller-manager", "--use-service-account-credentials=true", "--profiling=false"]),
    staticPod("kube-scheduler", "registry.k8s.io/kube-scheduler:v1.28.4", ["kube-scheduler", "--bind-address=127.0.0.1"]),
    sa("coredns", ns), sa("kube-proxy", ns), sa("metrics-server", ns),
    service("kube-dns", ns, 53, { selector: { "k8s-app": "kube-dns" } }),
    ...deployment({ name: "coredns", namespace: ns, replicas: 2, labels: { "k8s-app": "kube-dns" }, template: { spec: { serviceAccountName: "coredns", priorityClassName: "system-cluster-critical",
      containers: [container("coredns", "registry.k8s.io/coredns/coredns:v1.10.1", { args: ["-conf", "/etc/coredns/Corefile"], resources: RESOURCES("100m", "170Mi"),
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] } }, ...PROBES(8080, "/health") })] } } }),
    ...deployment({ name: "metrics-server", namespace: ns, replicas: 1, template: { spec: { serviceAccountName: "metrics-server",
      containers: [container("metrics-server", "registry.k8s.io/metrics-server/metrics-server:v0.6.4", { args: ["--kubelet-insecure-tls", "--secure-port=10250"], securityContext: RESTRICTED_SC })] } } }),
    service("metrics-server", ns, 443, { targetPort: 10250 }),
    ...daemonSet({ name: "kube-proxy", namespace: ns, template: { spec: { serviceAccountName: "kube-proxy", hostNetwork: true, priorityClassName: "system-node-critical",
      containers: [container("kube-proxy", "registry.k8s.io/kube-proxy:v1.28.4", { command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf"], securityContext: { privileged: true },
        volumeMounts: [{ name: "lib-modules", mountPath: "/lib/modules", readOnly: true }, { name: "xtables-lock", mountPath: "/run/xtables.lock" }] })],
      volumes: [{ name: "lib-modules", hostPath: { path: "/lib/modules" } }, { name: "xtables-lock", hostPath: { path: "/run/xtables.lock", type: "FileOrCreate" } }] } } }),
    configMap("coredns", ns, { Corefile: ".:53 {\n    errors\n    health\n    kubernetes cluster.local in-addr.arpa ip6.arpa\n    forward . /etc/resolv.conf\n    cache 30\n}\n" }),
    configMap("kube-proxy", ns, { "config.conf": "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: iptables\n" }),
    configMap("kubeadm-config", ns, { ClusterConfiguration: "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nkubernetesVersion: v1.28.4\n" }),
    secret("bootstrap-token-abcdef", ns, "bootstrap.kubernetes.io/token", ["token-id", "token-secret", "usage-bootstrap-authentication"]),
    { apiVersion: "apiregistration.k8s.io/v1", kind: "APIService", metadata: meta("APIService", "v1beta1.metrics.k8s.io"),
      spec: { group: "metrics.k8s.io", version: "v1beta1", service: { name: "metrics-server", namespace: ns }, insecureSkipTLSVerify: true, groupPriorityMinimum: 100, versionPriority: 100 } },
    ...NODES.map((n) => ({ apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: meta("Lease", n, "kube-node-lease"), spec: { holderIdentity: n, leaseDurationSeconds: 40, renewTime: "2024-11-18T09:29:50.000000Z" } })),
  ];
};

const clusterRbac = (): Obj[] => [
  clusterRole("cluster-admin", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { nonResourceURLs: ["*"], verbs: ["*"] }], { "kubernetes.io/bootstrapping": "rbac-defaults" }),
  clusterRole("admin", [{ apiGroups: ["", "apps", "batch"], resources: ["pods", "pods/exec", "deployments", "secrets", "services", "jobs", "cronjobs"], verbs: ["*"] }, { apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles", "rolebindings"], verbs: ["*"] }]),
  clusterRole("edit", [{ apiGroups: ["", "apps", "batch"], resources: ["pods", "pods/exec", "deployments", "secrets", "services", "configmaps", "jobs"], verbs: ["create", "delete", "get", "list", "patch", "update", "watch"] }]),
  clusterRole("view", [{ apiGroups: ["", "apps", "batch"], resources: ["pods", "deployments", "services", "configmaps", "jobs"], verbs: ["get", "list", "watch"] }]),
  clusterRole("system:node-proxier", [{ apiGroups: [""], resources: ["endpoints", "services", "nodes"], verbs: ["get", "list", "watch"] }]),
  clusterRole("system:coredns", [{ apiGroups: [""], resources: ["endpoints", "services", "pods", "namespaces"], verbs: ["list", "watch"] }]),
  clusterRole("system:metrics-server", [{ apiGroups: [""], resources: ["nodes/metrics", "pods", "nodes"], verbs: ["get", "list", "watch"] }]),
  clusterRole("ci-deployer", [{ apiGroups: ["", "apps"], resources: ["deployments", "services", "configmaps", "secrets"], verbs: ["*"] }, { apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterrolebindings"], verbs: ["create", "bind", "escalate"] }]),
  crb("cluster-admin", "cluster-admin", [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "system:masters" }]),
  crb("system:node-proxier", "system:node-proxier", [saSubject("kube-proxy", "kube-system")]),
  crb("system:coredns", "system:coredns", [saSubject("coredns", "kube-system")]),
  crb("system:metrics-server", "system:metrics-server", [saSubject("metrics-server", "kube-system")]),
  crb("developers-cluster-admin", "cluster-admin", [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "developers" }]),
  crb("ci-bot-deployer", "ci-deployer", [saSubject("ci-bot", "default")]),
  crb("public-view", "view", [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "system:unauthenticated" }]),
  crb("default-sa-admin", "cluster-admin", [saSubject("default", "default")]),
];

const ingressNginx = (): Obj[] => {
  const ns = "ingress-nginx";
  const ctrl = "registry.k8s.io/ingress-nginx/controller:v1.9.4@sha256:5b161f051d017e55d358435f295f5e9a297e66158f136321d9b04520ec6c48a3";
  const webhookImage = "registry.k8s.io/ingress-nginx/kube-webhook-certgen:v20231011-8b53cabe0";
  return [
    sa("ingress-nginx", ns), sa("ingress-nginx-admission", ns),
    configMap("ingress-nginx-controller", ns, { "allow-snippet-annotations": "true", "use-forwarded-headers": "true" }),
    ...deployment({ name: "ingress-nginx-controller", namespace: ns, replicas: 2, labels: { "app.kubernetes.io/name": "ingress-nginx" }, template: { spec: { serviceAccountName: "ingress-nginx",
      containers: [container("controller", ctrl, { args: ["/nginx-ingress-controller", "--election-id=ingress-nginx-leader", "--controller-class=k8s.io/ingress-nginx", "--validating-webhook=:8443"],
        securityContext: { runAsUser: 101, allowPrivilegeEscalation: true, capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] } }, ports: [{ containerPort: 80 }, { containerPort: 443 }, { containerPort: 8443, name: "webhook" }],
        resources: RESOURCES("100m", "90Mi"), ...PROBES(10254) })] } } }),
    service("ingress-nginx-controller", ns, 80, { type: "LoadBalancer", selector: { app: "ingress-nginx-controller" }, extraPorts: [{ name: "https", port: 443, targetPort: 443, protocol: "TCP" }] }),
    service("ingress-nginx-controller-admission", ns, 443, { selector: { app: "ingress-nginx-controller" }, targetPort: 8443 }),
    ...job({ name: "ingress-nginx-admission-create", namespace: ns, template: { spec: { serviceAccountName: "ingress-nginx-admission", containers: [container("create", webhookImage, { args: ["create", "--namespace=ingress-nginx"] })] } }, day: 1 }),
    ...job({ name: "ingress-nginx-admission-patch", namespace: ns, template: { spec: { serviceAccountName: "ingress-nginx-admission", containers: [container("patch", webhookImage, { args: ["patch", "--namespace=ingress-nginx"] })] } }, day: 1 }),
    secret("ingress-nginx-admission", ns, "Opaque", ["ca", "cert", "key"]),
    clusterRole("ingress-nginx", [{ apiGroups: [""], resources: ["configmaps", "endpoints", "nodes", "pods", "secrets", "namespaces"], verbs: ["list", "watch"] }, { apiGroups: ["networking.k8s.io"], resources: ["ingresses", "ingressclasses"], verbs: ["get", "list", "watch"] }]),
    crb("ingress-nginx", "ingress-nginx", [saSubject("ingress-nginx", ns)]),
    { apiVersion: "networking.k8s.io/v1", kind: "IngressClass", metadata: meta("IngressClass", "nginx", undefined, { annotations: { "ingressclass.kubernetes.io/is-default-class": "true" } }), spec: { controller: "k8s.io/ingress-nginx" } },
    { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingWebhookConfiguration", metadata: meta("ValidatingWebhookConfiguration", "ingress-nginx-admission"),
      webhooks: [{ name: "validate.nginx.ingress.kubernetes.io", admissionReviewVersions: ["v1"], sideEffects: "None", failurePolicy: "Fail", matchPolicy: "Equivalent",
        clientConfig: { service: { name: "ingress-nginx-controller-admission", namespace: ns, path: "/networking/v1/ingresses" } },
        rules: [{ apiGroups: ["networking.k8s.io"], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["ingresses"] }] }] },
  ];
};

const ISTIO_CRDS: Array<[string, string, string]> = [
  ["security.istio.io", "PeerAuthentication", "peerauthentications"], ["security.istio.io", "AuthorizationPolicy", "authorizationpolicies"],
  ["security.istio.io", "RequestAuthentication", "requestauthentications"], ["networking.istio.io", "DestinationRule", "destinationrules"],
  ["networking.istio.io", "Gateway", "gateways"], ["networking.istio.io", "VirtualService", "virtualservices"],
  ["networking.istio.io", "ServiceEntry", "serviceentries"], ["networking.istio.io", "Sidecar", "sidecars"],
];

const istio = (): Obj[] => {
  const ns = "istio-system";
  const sec = (kind: string, name: string, namespace: string, spec: Obj) => ({ apiVersion: "security.istio.io/v1", kind, metadata: meta(kind, name, namespace, {}, 14), spec });
  const net = (kind: string, name: string, namespace: string, spec: Obj) => ({ apiVersion: "networking.istio.io/v1beta1", kind, metadata: meta(kind, name, namespace, {}, 14), spec });
  return [
    ...ISTIO_CRDS.map(([g, k, p]) => crd(g, k, p, g === "security.istio.io" ? ["v1", "v1beta1"] : ["v1beta1", "v1alpha3"])),
    sa("istiod", ns), sa("istio-ingressgateway", ns),
    ...deployment({ name: "istiod", namespace: ns, replicas: 2, template: { spec: { serviceAccountName: "istiod",
      containers: [container("discovery", "docker.io/istio/pilot:1.20.3", { args: ["discovery", "--monitoringAddr=:15014"], securityContext: RESTRICTED_SC, resources: RESOURCES("500m", "2Gi") })] } } }),
    ...deployment({ name: "istio-ingressgateway", namespace: ns, replicas: 2, template: { spec: { serviceAccountName: "istio-ingressgateway",
      containers: [container("istio-proxy", "docker.io/istio/proxyv2:1.20.3", { args: ["proxy", "router"], ports: [{ containerPort: 8080 }, { containerPort: 8443 }], securityContext: RESTRICTED_SC })] } } }),
    service("istiod", ns, 15012, { extraPorts: [{ name: "https-webhook", port: 443, targetPort: 15017, protocol: "TCP" }] }),
    service("istio-ingressgateway", ns, 80, { type: "LoadBalancer", targetPort: 8080, extraPorts: [{ name: "https", port: 443, targetPort: 8443, protocol: "TCP" }] }),
    configMap("istio", ns, { mesh: "accessLogFile: /dev/stdout\noutboundTrafficPolicy:\n  mode: ALLOW_ANY\n" }),
    secret("istio-ca-secret", ns, "istio.io/ca-root", ["ca-cert.pem", "ca-key.pem"]),
    clusterRole("istiod-clusterrole-istio-system", [{ apiGroups: ["config.istio.io", "security.istio.io", "networking.istio.io"], resources: ["*"], verbs: ["get", "watch", "list"] }, { apiGroups: [""], resources: ["secrets"], verbs: ["get", "watch", "list"] }]),
    crb("istiod-clusterrole-istio-system", "istiod-clusterrole-istio-system", [saSubject("istiod", ns)]),
    sec("PeerAuthentication", "default", ns, { mtls: { mode: "PERMISSIVE" } }),
    sec("PeerAuthentication", "strict", "shop", { mtls: { mode: "STRICT" } }),
    sec("PeerAuthentication", "legacy-db", "shop", { selector: { matchLabels: { app: "postgres" } }, mtls: { mode: "STRICT" }, portLevelMtls: { "5432": { mode: "DISABLE" } } }),
    sec("AuthorizationPolicy", "payments-from-checkout", "shop", { selector: { matchLabels: { app: "payments" } }, action: "ALLOW",
      rules: [{ from: [{ source: { principals: ["cluster.local/ns/shop/sa/checkout"] } }], to: [{ operation: { methods: ["POST"] } }] }] }),
    sec("AuthorizationPolicy", "allow-all", "shop-staging", { rules: [{}] }),
    sec("AuthorizationPolicy", "deny-admin-paths", "shop", { action: "DENY", rules: [{ to: [{ operation: { paths: ["/admin"] } }] }] }),
    sec("AuthorizationPolicy", "ingress-any-source", ns, { selector: { matchLabels: { app: "istio-ingressgateway" } }, action: "ALLOW", rules: [{ from: [{ source: { notPrincipals: ["cluster.local/ns/shop/sa/frontend"] } }] }] }),
    sec("RequestAuthentication", "shop-jwt", "shop", { selector: { matchLabels: { app: "frontend" } }, jwtRules: [{ issuer: "https://auth.shop.example.com", jwksUri: "https://auth.shop.example.com/.well-known/jwks.json" }] }),
    net("DestinationRule", "payments", "shop", { host: "payments.shop.svc.cluster.local", trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" } } }),
    net("DestinationRule", "postgres", "shop", { host: "postgres.shop.svc.cluster.local", trafficPolicy: { tls: { mode: "DISABLE" } } }),
    net("DestinationRule", "legacy-erp", "shop", { host: "erp.corp.example.com", trafficPolicy: { tls: { mode: "SIMPLE", insecureSkipVerify: true } } }),
    net("Gateway", "shop-gateway", "shop", { selector: { istio: "ingressgateway" }, servers: [
      { port: { number: 443, name: "https", protocol: "HTTPS" }, tls: { mode: "SIMPLE", credentialName: "shop-tls" }, hosts: ["shop.example.com"] },
      { port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*"] }] }),
    net("Gateway", "staging-gateway", "shop-staging", { selector: { istio: "ingressgateway" }, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*"] }] }),
    net("VirtualService", "storefront", "shop", { hosts: ["shop.example.com"], gateways: ["shop-gateway"], http: [{ route: [{ destination: { host: "frontend", port: { number: 8080 } } }] }] }),
    net("VirtualService", "staging", "shop-staging", { hosts: ["*"], gateways: ["staging-gateway"], http: [{ route: [{ destination: { host: "frontend" } }] }] }),
    net("ServiceEntry", "stripe-api", "shop", { hosts: ["api.stripe.com"], location: "MESH_EXTERNAL", ports: [{ number: 443, name: "https", protocol: "TLS" }], resolution: "DNS" }),
    net("Sidecar", "default", ns, { outboundTrafficPolicy: { mode: "ALLOW_ANY" }, egress: [{ hosts: ["./*", "istio-system/*"] }] }),
    { apiVersion: "admissionregistration.k8s.io/v1", kind: "MutatingWebhookConfiguration", metadata: meta("MutatingWebhookConfiguration", "istio-sidecar-injector"),
      webhooks: [{ name: "namespace.sidecar-injector.istio.io", admissionReviewVersions: ["v1"], sideEffects: "None", failurePolicy: "Fail", reinvocationPolicy: "Never",
        clientConfig: { service: { name: "istiod", namespace: ns, path: "/inject", port: 443 } }, namespaceSelector: { matchLabels: { "istio-injection": "enabled" } },
        rules: [{ apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods"] }] }] },
    { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingWebhookConfiguration", metadata: meta("ValidatingWebhookConfiguration", "istio-validator-istio-system"),
      webhooks: [{ name: "rev.validation.istio.io", admissionReviewVersions: ["v1"], sideEffects: "None", failurePolicy: "Ignore",
        clientConfig: { service: { name: "istiod", namespace: ns, path: "/validate", port: 443 } }, rules: [{ apiGroups: ["security.istio.io", "networking.istio.io"], apiVersions: ["*"], operations: ["CREATE", "UPDATE"], resources: ["*"] }] }] },
  ];
};

const opsOperator = (): Obj[] => {
  const ns = "ops";
  return [
    crd("acme.io", "Database", "databases", ["v1alpha1"]),
    sa("acme-db-operator", ns),
    ...deployment({ name: "acme-db-operator", namespace: ns, replicas: 1, template: { spec: { serviceAccountName: "acme-db-operator",
      containers: [container("manager", "quay.io/acme/db-operator:0.3.2", { args: ["--leader-elect", "--metrics-bind-address=:8080"], resources: RESOURCES("50m", "64Mi") })] } } }),
    service("acme-db-operator-webhook", ns, 443, { selector: { app: "acme-db-operator" }, targetPort: 9443 }),
    secret("acme-db-operator-webhook-cert", ns, "kubernetes.io/tls", ["tls.crt", "tls.key"]),
    clusterRole("acme-db-operator", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]),
    clusterRole("acme-db-operator-secrets", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list", "watch", "create", "update", "delete"] }, { apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }]),
    crb("acme-db-operator", "acme-db-operator", [saSubject("acme-db-operator", ns)]),
    crb("acme-db-operator-secrets", "acme-db-operator-secrets", [saSubject("acme-db-operator", ns)]),
    ...["orders", "analytics", "sessions"].map((name) => ({ apiVersion: "acme.io/v1alpha1", kind: "Database", metadata: meta("Database", name, name === "analytics" ? "data" : "shop", {}, 15),
      spec: { engine: "postgres", version: "15", storage: "50Gi", backup: { enabled: name !== "sessions" } }, status: { phase: "Ready" } })),
    { apiVersion: "admissionregistration.k8s.io/v1", kind: "MutatingWebhookConfiguration", metadata: meta("MutatingWebhookConfiguration", "acme-db-operator-mutating"),
      webhooks: [{ name: "mpod.acme.io", admissionReviewVersions: ["v1"], sideEffects: "None", failurePolicy: "Ignore", timeoutSeconds: 30,
        clientConfig: { service: { name: "acme-db-operator-webhook", namespace: ns, path: "/mutate-v1-pod" } },
        rules: [{ apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"], scope: "*" }] }] },
  ];
};

const monitoring = (): Obj[] => {
  const ns = "monitoring";
  return [
    sa("prometheus", ns), sa("grafana", ns), sa("kube-state-metrics", ns), sa("node-exporter", ns),
    ...deployment({ name: "grafana", namespace: ns, replicas: 1, template: { spec: { serviceAccountName: "grafana",
      containers: [container("grafana", "grafana/grafana:10.1.5", { env: [{ name: "GF_SECURITY_ADMIN_PASSWORD", value: "FAKE-admin123" }, { name: "GF_AUTH_ANONYMOUS_ENABLED", value: "true" }], ports: [{ containerPort: 3000 }] })] } } }),
    service("grafana", ns, 3000, { type: "NodePort" }),
    ...deployment({ name: "kube-state-metrics", namespace: ns, replicas: 1, template: { spec: { serviceAccountName: "kube-state-metrics",
      containers: [container("kube-state-metrics", "registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.10.0", { securityContext: RESTRICTED_SC, resources: RESOURCES("10m", "190Mi") })] } } }),
    service("kube-state-metrics", ns, 8080),
    ...daemonSet({ name: "node-exporter", namespace: ns, template: { spec: { serviceAccountName: "node-exporter", hostPID: true, hostNetwork: true,
      containers: [container("node-exporter", "quay.io/prometheus/node-exporter:v1.6.1", { args: ["--path.rootfs=/host/root"], ports: [{ containerPort: 9100, hostPort: 9100 }],
        securityContext: { readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 65534 }, volumeMounts: [{ name: "root", mountPath: "/host/root", readOnly: true, mountPropagation: "HostToContainer" }] })],
      volumes: [{ name: "root", hostPath: { path: "/" } }], tolerations: [{ operator: "Exists" }] } } }),
    ...statefulSetLite(ns),
    service("prometheus", ns, 9090),
    configMap("prometheus-config", ns, { "prometheus.yml": "global:\n  scrape_interval: 30s\nscrape_configs:\n  - job_name: kubernetes-pods\n    kubernetes_sd_configs:\n      - role: pod\n" }),
    configMap("grafana-datasources", ns, { "datasources.yaml": "apiVersion: 1\ndatasources:\n  - name: Prometheus\n    type: prometheus\n    url: http://prometheus:9090\n" }),
    secret("grafana-admin", ns, "Opaque", ["admin-user", "admin-password"]),
    clusterRole("prometheus", [{ apiGroups: [""], resources: ["nodes", "nodes/metrics", "services", "endpoints", "pods"], verbs: ["get", "list", "watch"] }, { nonResourceURLs: ["/metrics"], verbs: ["get"] }]),
    clusterRole("kube-state-metrics", [{ apiGroups: ["*"], resources: ["*"], verbs: ["list", "watch"] }]),
    crb("prometheus", "prometheus", [saSubject("prometheus", ns)]),
    crb("kube-state-metrics", "kube-state-metrics", [saSubject("kube-state-metrics", ns)]),
    { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: meta("NetworkPolicy", "grafana-from-ingress", ns, {}, 9),
      spec: { podSelector: { matchLabels: { app: "grafana" } }, policyTypes: ["Ingress"], ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } }] }] } },
  ];
};

const statefulSetLite = (ns: string): Obj[] => {
  const labels = { app: "prometheus" };
  const template = { metadata: { labels }, spec: { serviceAccountName: "prometheus", securityContext: { runAsNonRoot: true, runAsUser: 65534, fsGroup: 65534 },
    containers: [container("prometheus", "quay.io/prometheus/prometheus:v2.47.2", { args: ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.retention.time=15d"], resources: RESOURCES("500m", "2Gi"), securityContext: RESTRICTED_SC })] } };
  const sts = { apiVersion: "apps/v1", kind: "StatefulSet", metadata: meta("StatefulSet", "prometheus", ns, { labels }, 4),
    spec: { replicas: 2, serviceName: "prometheus", selector: { matchLabels: labels }, template }, status: { replicas: 2, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 2 } };
  return [sts, ...[0, 1].map((i) => pod({ name: `prometheus-${i}`, namespace: ns, template, ownerObj: sts }))];
};

const trivy = (): Obj[] => {
  const ns = "trivy-system";
  const report = (app: string, namespace: string, image: string, critical: number, high: number, cves: string[]) => ({
    apiVersion: "aquasecurity.github.io/v1alpha1", kind: "VulnerabilityReport",
    metadata: meta("VulnerabilityReport", `replicaset-${app}-server`, namespace, { labels: { "trivy-operator.resource.kind": "ReplicaSet", "trivy-operator.resource.name": app, "trivy-operator.container.name": "server" } }, 70),
    report: {
      updateTimestamp: at(76), scanner: { name: "Trivy", vendor: "Aqua Security", version: "0.48.3" },
      artifact: { repository: image.split(":")[0], tag: image.split(":")[1] },
      summary: { criticalCount: critical, highCount: high, mediumCount: 7, lowCount: 12, unknownCount: 0 },
      vulnerabilities: cves.map((id, i) => ({ vulnerabilityID: id, severity: i < critical ? "CRITICAL" : "HIGH", resource: "openssl", installedVersion: "3.0.2-0ubuntu1.10", fixedVersion: "3.0.2-0ubuntu1.12", title: `${id} in openssl` })),
    },
  });
  return [
    crd("aquasecurity.github.io", "VulnerabilityReport", "vulnerabilityreports", ["v1alpha1"]),
    crd("aquasecurity.github.io", "ConfigAuditReport", "configauditreports", ["v1alpha1"]),
    sa("trivy-operator", ns),
    ...deployment({ name: "trivy-operator", namespace: ns, replicas: 1, template: { spec: { serviceAccountName: "trivy-operator", automountServiceAccountToken: true,
      containers: [container("trivy-operator", "ghcr.io/aquasecurity/trivy-operator:0.18.4", { securityContext: RESTRICTED_SC, resources: RESOURCES("100m", "256Mi") })] } } }),
    clusterRole("trivy-operator", [{ apiGroups: [""], resources: ["pods", "secrets", "nodes", "namespaces", "serviceaccounts"], verbs: ["get", "list", "watch"] }, { apiGroups: ["batch"], resources: ["jobs"], verbs: ["create", "delete", "get", "list", "watch"] }]),
    crb("trivy-operator", "trivy-operator", [saSubject("trivy-operator", ns)]),
    report("checkout", "shop", "registry.shop.example/boutique/checkoutservice:latest", 2, 3, ["CVE-2023-5363", "CVE-2024-0727", "CVE-2023-3817", "CVE-2023-2650", "CVE-2023-3446"]),
    report("frontend", "shop", "registry.shop.example/boutique/frontend:v0.10.1", 0, 1, ["CVE-2023-45288"]),
    report("email", "shop", "registry.shop.example/boutique/emailservice:v0.10.1", 1, 0, ["CVE-2023-38545"]),
    report("ingress-nginx-controller", "ingress-nginx", "registry.k8s.io/ingress-nginx/controller:v1.9.4", 1, 2, ["CVE-2025-1974", "CVE-2025-1097", "CVE-2025-24514"]),
    ...["cart", "redis", "jupyter"].map((app) => ({ apiVersion: "aquasecurity.github.io/v1alpha1", kind: "ConfigAuditReport",
      metadata: meta("ConfigAuditReport", `replicaset-${app}`, app === "jupyter" ? "data" : "shop", {}, 70),
      report: { updateTimestamp: at(76), scanner: { name: "Trivy", vendor: "Aqua Security", version: "0.48.3" }, summary: { criticalCount: 0, highCount: 2, mediumCount: 3, lowCount: 5 },
        checks: [{ checkID: "KSV014", severity: "HIGH", success: false, title: "Root file system is not read-only" }, { checkID: "KSV012", severity: "MEDIUM", success: false, title: "Runs as root user" }] } })),
  ];
};

const certManager = (): Obj[] => {
  const ns = "cert-manager";
  const cm = (name: string, image: string) => [sa(name, ns), ...deployment({ name, namespace: ns, replicas: 1, template: { spec: { serviceAccountName: name, securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
    containers: [container(name, image, { securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, readOnlyRootFilesystem: true } })] } } })];
  return [
    crd("cert-manager.io", "Certificate", "certificates", ["v1"]),
    crd("cert-manager.io", "ClusterIssuer", "clusterissuers", ["v1"], "Cluster"),
    ...cm("cert-manager", "quay.io/jetstack/cert-manager-controller:v1.13.2"),
    ...cm("cert-manager-webhook", "quay.io/jetstack/cert-manager-webhook:v1.13.2"),
    ...cm("cert-manager-cainjector", "quay.io/jetstack/cert-manager-cainjector:v1.13.2"),
    service("cert-manager-webhook", ns, 443, { targetPort: 10250 }),
    { apiVersion: "cert-manager.io/v1", kind: "ClusterIssuer", metadata: meta("ClusterIssuer", "letsencrypt", undefined, {}, 6),
      spec: { acme: { server: "https://acme-v02.api.letsencrypt.org/directory", email: "ops@shop.example.com", privateKeySecretRef: { name: "letsencrypt-account" }, solvers: [{ http01: { ingress: { ingressClassName: "nginx" } } }] } } },
    ...["shop", "shop-staging"].map((namespace) => ({ apiVersion: "cert-manager.io/v1", kind: "Certificate", metadata: meta("Certificate", "shop-tls", namespace, {}, 12),
      spec: { secretName: "shop-tls", dnsNames: [namespace === "shop" ? "shop.example.com" : "staging.shop.example.com"], issuerRef: { kind: "ClusterIssuer", name: "letsencrypt" } } })),
    secret("letsencrypt-account", ns, "Opaque", ["tls.key"]),
  ];
};

const defaultNamespace = (): Obj[] => [
  { apiVersion: "v1", kind: "Service", metadata: meta("Service", "kubernetes", "default", { labels: { component: "apiserver", provider: "kubernetes" } }),
    spec: { type: "ClusterIP", clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, targetPort: 6443, protocol: "TCP" }] } },
  sa("ci-bot", "default", { secrets: [{ name: "ci-bot-token" }] }),
  secret("ci-bot-token", "default", "kubernetes.io/service-account-token", ["ca.crt", "namespace", "token"], { annotations: { "kubernetes.io/service-account.name": "ci-bot" } }),
  pod({ name: "debug-tools", namespace: "default", node: "worker-a1", day: 75,
    template: { metadata: { labels: { run: "debug-tools" } }, spec: { hostPID: true, hostNetwork: true, restartPolicy: "Always",
      containers: [container("debug", "nicolaka/netshoot:latest", { command: ["sleep", "infinity"], securityContext: { privileged: true }, volumeMounts: [{ name: "host", mountPath: "/host" }] })],
      volumes: [{ name: "host", hostPath: { path: "/" } }] } } }),
];

/** Platform areas, by output file. */
export const platform = (): Record<string, Obj[]> => ({
  "01-nodes.yaml": nodes(),
  "10-kube-system.yaml": kubeSystem(),
  "20-cluster-rbac.yaml": clusterRbac(),
  "50-ingress-nginx.yaml": ingressNginx(),
  "60-istio.yaml": istio(),
  "70-ops-operator.yaml": opsOperator(),
  "80-monitoring.yaml": monitoring(),
  "85-cert-manager.yaml": certManager(),
  "90-trivy.yaml": trivy(),
  "99-default.yaml": defaultNamespace(),
});
