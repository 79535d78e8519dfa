/**
 * Allow-lists as data: the platform's own components, which legitimately do what the detections look for.
 * Per-org additions belong in DB policy and are merged in through `AnalyzeOptions.allow`.
 */
export type PrincipalPatterns = { exact: string[]; prefixes: string[]; suffixes: string[] };

export const CONTROL_PLANE: PrincipalPatterns = {
  exact: [
    "system:kube-controller-manager",
    "system:kube-scheduler",
    "system:apiserver",
    "system:kube-proxy",
    "system:volume-scheduler",
    "system:kube-aggregator",
    "system:addon-manager",
    "system:cloud-controller-manager",
    "aksService",
    "kube-apiserver",
  ],
  prefixes: [
    "system:node:",
    "system:serviceaccount:kube-system:",
    "eks:",
    "system:gke-",
    "system:clustermetrics",
    "system:konnectivity",
    "system:metrics-server",
    "system:managed-certificate-controller",
    "container-engine-robot@",
  ],
  suffixes: ["@container-engine-robot.iam.gserviceaccount.com", "@cloudservices.gserviceaccount.com", "@gcp-sa-gkenode.iam.gserviceaccount.com"],
};

/** Namespaces whose objects belong to the platform. */
export const SYSTEM_NAMESPACES = ["kube-system", "kube-public", "kube-node-lease", "gke-system", "gke-managed-system", "gmp-system", "calico-system", "tigera-operator"];
export const SECURITY_NAMESPACES = ["falco", "datadog", "elastic-agent", "elastic-system", "tower", "tower-system", "sysdig-agent", "aqua", "twistlock", "gatekeeper-system", "kyverno", "cilium", "tetragon"];

/** Service accounts of CI/GitOps tools, matched on the SA name (`system:serviceaccount:<ns>:<name>`) or its namespace. */
export const DEPLOYER_SERVICE_ACCOUNTS: PrincipalPatterns = {
  exact: [],
  prefixes: ["argocd", "flux", "helm", "tiller", "jenkins", "gitlab", "tekton", "spinnaker", "github-actions", "actions-runner", "kustomize-controller", "helm-controller", "atlantis", "terraform"],
  suffixes: ["-deployer", "-ci", "-cd"],
};

/** Namespaces in which all service accounts are deployers. */
export const DEPLOYER_NAMESPACES = ["argocd", "flux-system", "gitlab-runner", "jenkins", "tekton-pipelines", "actions-runner-system"];

/** Controllers known to list or watch secrets across the cluster. */
export const SECRET_READERS: PrincipalPatterns = {
  exact: [],
  prefixes: ["system:serviceaccount:cert-manager:", "system:serviceaccount:external-secrets:", "system:serviceaccount:monitoring:kube-state-metrics", "system:serviceaccount:kube-state-metrics", "system:serviceaccount:flux-system:", "system:serviceaccount:argocd:", "system:serviceaccount:ingress-nginx:", "system:serviceaccount:istio-system:", "system:serviceaccount:vault:", "system:serviceaccount:sealed-secrets"],
  suffixes: [":kube-state-metrics", ":sealed-secrets-controller", ":cert-manager", ":external-secrets"],
};

/** Cluster bootstrap tools whose first writes look like attacks (bootstrap tokens, kube-system pods). */
export const BOOTSTRAP_USER_AGENTS = ["kubeadm/", "kops/", "eksctl/"];

/** Non-resource paths an anonymous caller may read: health, version, OIDC discovery. */
/** Load-balancer and kubelet probes; trusted only on health paths or when the log says nothing about the decision. */
export const HEALTH_CHECK_USER_AGENTS = ["GoogleHC/", "ELB-HealthChecker/", "kube-probe/", "Azure-Load-Balancer"];

export const ANONYMOUS_SAFE_PATHS = ["/healthz", "/livez", "/readyz", "/version", "/.well-known/openid-configuration", "/openid/v1/jwks"];

export const matchesPatterns = (name: string, p: PrincipalPatterns): boolean =>
  p.exact.includes(name) || p.prefixes.some((x) => name.startsWith(x)) || p.suffixes.some((x) => name.endsWith(x));

/** Operators that create or refresh their own admission webhooks (caBundle rotation, sidecar injectors, policy engines). */
export const WEBHOOK_OPERATORS: PrincipalPatterns = {
  exact: [],
  prefixes: ["system:serviceaccount:cert-manager:", "system:serviceaccount:istio-system:", "system:serviceaccount:gatekeeper-system:", "system:serviceaccount:kyverno:", "system:serviceaccount:linkerd:", "system:serviceaccount:ingress-nginx:", "system:serviceaccount:olm:", "system:serviceaccount:openshift-"],
  suffixes: [":cert-manager-cainjector", ":istiod", ":gatekeeper-admin", ":kyverno-admission-controller"],
};

/** System roles that platform add-on managers legitimately rewrite. */
export const MANAGED_SYSTEM_ROLES = ["system:coredns", "system:aws-node", "system:kube-dns-autoscaler"];
