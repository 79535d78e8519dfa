/**
 * Panther rule (file prefix) → the Tower detection(s) that cover it. `null`: no Tower counterpart (the rule needs
 * enrichment Tower does not have, or checks something Tower does not treat as a detection), so its cases are
 * not scored. Threshold rules are listed apart: their cases test the per-event filter of a counted rule.
 */
export const PANTHER_MAP: Record<string, string[] | null> = {
  aws_eks_rules__anonymous_api_access: ["TWD-0001", "TWD-0002"],
  aws_eks_rules__source_ip_multiple_403: null, // threshold 10: the case tests one event of a counted rule
  aws_eks_rules__system_namespace_public_ip: ["TWD-0005"],
  gcp_k8s_rules__gcp_k8s_cron_job_created_or_modified: ["TWD-0032"],
  gcp_k8s_rules__gcp_k8s_exec_into_pod: ["TWD-0020"],
  gcp_k8s_rules__gcp_k8s_ioc_activity: null, // needs Tor exit-node enrichment
  gcp_k8s_rules__gcp_k8s_new_daemonset_deployed: ["TWD-0033"],
  gcp_k8s_rules__gcp_k8s_pod_attached_to_node_host_network: ["TWD-0029"],
  gcp_k8s_rules__gcp_k8s_pod_create_or_modify_host_path_vol_mount: ["TWD-0028"],
  gcp_k8s_rules__gcp_k8s_pod_using_host_pid_namespace: ["TWD-0029"],
  gcp_k8s_rules__gcp_k8s_privileged_pod_created: ["TWD-0027"],
  gcp_k8s_rules__gcp_k8s_service_type_node_port_deployed: ["TWD-0047"],
  kubernetes_rules__k8s_admission_controller_created: ["TWD-0041"],
  kubernetes_rules__k8s_anonymous_api_access: ["TWD-0001", "TWD-0002"],
  kubernetes_rules__k8s_client_certificate_created: ["TWD-0019"],
  kubernetes_rules__k8s_clusterrolebinding_privileged: ["TWD-0035"],
  kubernetes_rules__k8s_cronjob_created_or_modified: ["TWD-0032"],
  kubernetes_rules__k8s_daemonset_created: ["TWD-0033"],
  kubernetes_rules__k8s_exec_into_pod: ["TWD-0020"],
  kubernetes_rules__k8s_ingress_without_tls: null, // posture, the manifest scanner's business
  kubernetes_rules__k8s_ioc_activity: null, // needs Tor exit-node enrichment
  kubernetes_rules__k8s_kubectl_cp_operation: ["TWD-0024"],
  kubernetes_rules__k8s_multiple_403_public_ip: null, // threshold 10
  kubernetes_rules__k8s_pod_created_in_system_namespace: ["TWD-0031"],
  kubernetes_rules__k8s_pod_dangerous_capabilities: ["TWD-0030"],
  kubernetes_rules__k8s_pod_host_ipc: ["TWD-0029"],
  kubernetes_rules__k8s_pod_host_network: ["TWD-0029"],
  kubernetes_rules__k8s_pod_host_pid: ["TWD-0029"],
  kubernetes_rules__k8s_pod_hostpath_volume: ["TWD-0028"],
  kubernetes_rules__k8s_privileged_pod_created: ["TWD-0027"],
  kubernetes_rules__k8s_role_node_proxy_permissions: ["TWD-0036"],
  kubernetes_rules__k8s_role_pod_exec: ["TWD-0036"],
  kubernetes_rules__k8s_role_wildcard: ["TWD-0036"],
  kubernetes_rules__k8s_role_write_permissions: ["TWD-0036"],
  kubernetes_rules__k8s_secret_access_denied: null, // threshold 20
  kubernetes_rules__k8s_secret_enumeration: null, // threshold 15
  kubernetes_rules__k8s_secrets_dump_all_namespaces: ["TWD-0012"],
  kubernetes_rules__k8s_service_nodeport: ["TWD-0047"],
  kubernetes_rules__k8s_serviceaccount_token_created: ["TWD-0017"],
  kubernetes_rules__k8s_steal_serviceaccount_token: ["TWD-0021"],
  kubernetes_rules__k8s_system_principal_public_ip: ["TWD-0005"],
  kubernetes_rules__k8s_system_role_modified: ["TWD-0037"],
};
