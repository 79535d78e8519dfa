import YAML from "yaml";

type Rule = Record<string, unknown>;
const core = (...resources: string[]) => ({ group: "", resources });
const group = (g: string, ...resources: string[]) => ({ group: g, resources });

const WORKLOADS = ["pods", "replicationcontrollers"];
const APPS = ["deployments", "daemonsets", "statefulsets", "replicasets"];

/**
 * The recommended audit Policy, first matching rule wins. Secret-bearing objects stay at Metadata so that
 * no secret value is ever logged; RBAC, exec/attach/port-forward/proxy and admission webhooks are logged
 * in full; workload writes with their request body; health probes and high-volume reads not at all.
 */
export const AUDIT_POLICY_RULES: Rule[] = [
  { level: "None", nonResourceURLs: ["/healthz*", "/livez*", "/readyz*", "/metrics", "/version", "/openapi/*", "/swagger*"] },
  { level: "None", users: ["system:kube-proxy"], verbs: ["watch"], resources: [core("endpoints", "services", "services/status"), group("discovery.k8s.io", "endpointslices")] },
  { level: "None", userGroups: ["system:nodes"], verbs: ["get"], resources: [core("nodes", "nodes/status")] },
  { level: "None", verbs: ["get", "update", "watch", "list"], resources: [group("coordination.k8s.io", "leases")] },
  { level: "None", users: ["system:kube-controller-manager", "system:kube-scheduler", "system:apiserver"], verbs: ["get", "list", "watch"] },
  { level: "None", verbs: ["get", "list", "watch"], resources: [core("events"), group("events.k8s.io", "events")] },
  { level: "Metadata", resources: [core("secrets", "configmaps", "serviceaccounts/token"), group("authentication.k8s.io", "tokenreviews")] },
  {
    level: "RequestResponse",
    resources: [
      group("rbac.authorization.k8s.io", "roles", "rolebindings", "clusterroles", "clusterrolebindings"),
      core("pods/exec", "pods/attach", "pods/portforward", "pods/proxy", "services/proxy", "nodes/proxy"),
      group("admissionregistration.k8s.io", "mutatingwebhookconfigurations", "validatingwebhookconfigurations", "validatingadmissionpolicies", "validatingadmissionpolicybindings"),
    ],
  },
  { level: "Metadata", verbs: ["get", "list", "watch"] },
  {
    level: "Request",
    verbs: ["create", "update", "patch", "delete", "deletecollection"],
    resources: [
      core(...WORKLOADS, "pods/ephemeralcontainers", "serviceaccounts", "namespaces", "services", "persistentvolumes", "persistentvolumeclaims", "nodes"),
      group("apps", ...APPS),
      group("batch", "jobs", "cronjobs"),
      group("certificates.k8s.io", "certificatesigningrequests", "certificatesigningrequests/approval"),
      group("networking.k8s.io", "networkpolicies", "ingresses"),
    ],
  },
  { level: "Metadata" },
];

export const auditPolicy = () => ({ apiVersion: "audit.k8s.io/v1", kind: "Policy", omitStages: ["RequestReceived"], rules: AUDIT_POLICY_RULES });

/** The Policy as the YAML file for --audit-policy-file. */
export const auditPolicyYaml = (): string =>
  `# Tower recommended audit policy (audit.k8s.io/v1). Secrets, configmaps and token reviews are logged at
# Metadata only: their values never leave the API server.\n${YAML.stringify(auditPolicy())}`;
