/**
 * Expectations of shared/corpus/audit/README.md for falco-trace-files/ (falcosecurity/testing, default ruleset),
 * translated to Tower detections through the falco_rule column of detection-crossref.csv.
 * `fires`: detection id → minimum count; `silent`: must not fire; `none`: no detection at all.
 * Falco's K8s activity rules (K8s ClusterRole Created, K8s Service Created...) have no Tower row and are not asserted.
 */
export type FalcoExpectation = { fires?: Record<string, number>; silent?: string[]; none?: true; rejected?: number };

export const FALCO_EXPECTATIONS: Record<string, FalcoExpectation> = {
  "anonymous_creates_namespace_foo.json": { fires: { "TWD-0001": 1, "TWD-0002": 1 } },
  "attach_cluster_admin_role.json": { fires: { "TWD-0035": 1 } },
  "attach_pod.json": { fires: { "TWD-0020": 1 } },
  "create_cluster_role_pod_exec.json": { fires: { "TWD-0036": 1 } },
  "create_cluster_role_wildcard_resources.json": { fires: { "TWD-0036": 1 } },
  "create_cluster_role_wildcard_verbs.json": { fires: { "TWD-0036": 1 } },
  "create_cluster_role_write_privileges.json": { fires: { "TWD-0036": 1 } },
  "create_configmap_sensitive_values.json": { fires: { "TWD-0050": 6 } },
  "create_configmap_no_sensitive_values.json": { silent: ["TWD-0050"] },
  "create_kube_system_secret.json": { none: true },
  "create_nginx_pod_hostnetwork.json": { fires: { "TWD-0029": 1 } },
  "create_nginx_pod_no_secctx_1st_container_privileged_2nd_container.json": { fires: { "TWD-0027": 1 } },
  "create_nginx_pod_nohostnetwork.json": { silent: ["TWD-0029"] },
  "create_nginx_pod_privileged.json": { fires: { "TWD-0027": 1 } },
  "create_nginx_pod_privileged_2nd_container.json": { fires: { "TWD-0027": 1 } },
  "create_nginx_pod_sensitive_mount.json": { fires: { "TWD-0028": 1 } },
  "create_nginx_pod_sensitive_mount_2nd_container.json": { fires: { "TWD-0028": 1 } },
  "create_nginx_pod_unprivileged.json": { silent: ["TWD-0027", "TWD-0028", "TWD-0029", "TWD-0049"] },
  "create_nginx_pod_unsensitive_mount.json": { none: true },
  "create_nginx_service_nodeport.json": { fires: { "TWD-0047": 1 } },
  "create_nginx_service_nonodeport.json": { silent: ["TWD-0047"] },
  "create_service_account_token_secret.json": { none: true },
  "create_serviceaccount.json": { silent: ["TWD-0039"] },
  "create_serviceaccount_kube_public_namespace.json": { fires: { "TWD-0039": 1 } },
  "create_serviceaccount_kube_system_namespace.json": { fires: { "TWD-0039": 1 } },
  "delete_cluster_role_kube_aggregator.json": { fires: { "TWD-0037": 1 } },
  "exec_pod.json": { fires: { "TWD-0020": 1 } },
  "fal_01_003.json": { none: true, rejected: 1 },
  "modify_cluster_role_node_problem_detector.json": { fires: { "TWD-0037": 1 } },
};

/** Where Tower deliberately does not do what Falco's rule does; asserted as silent so the choice stays visible. */
export const FALCO_DISAGREEMENTS: Record<string, { detection: string; falcoRule: string; reason: string }> = {
  "create_pod_kube_public_namespace.json": { detection: "TWD-0031", falcoRule: "Pod Created in Kube Namespace", reason: "created by the replicaset-controller with an ownerReference: a Deployment's replica, not a masquerading bare pod (crossref: non-controller, ownerReferences empty)" },
  "create_pod_kube_system_namespace.json": { detection: "TWD-0031", falcoRule: "Pod Created in Kube Namespace", reason: "same: controller-made replica with an ownerReference" },
  "create_secret.json": { detection: "TWD-0018", falcoRule: "K8s Secret Created", reason: "Falco's rule is an activity feed of every secret; Tower reports only service-account token secrets (or, at Metadata level, human-made secrets in kube-system)" },
  "delete_deployment.json": { detection: "TWD-0048", falcoRule: "K8s Deployment Deleted", reason: "one deletion is routine; TWD-0048 needs 5 deletions or 2 namespaces in 10 minutes" },
  "delete_namespace_foo.json": { detection: "TWD-0048", falcoRule: "K8s Namespace Deleted", reason: "one namespace deletion is routine; TWD-0048 needs 5 deletions or 2 namespaces in 10 minutes" },
};
