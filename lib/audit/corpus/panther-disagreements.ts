const NO_VERB = "the sample omits `verb`, a required field of audit.k8s.io Events: Tower rejects it (counted in stats.rejected)";
const NOT_K8S = "methodName is a Deployment Manager call (v2.deploymentmanager.deployments.insert), not a Kubernetes API request: rejected";
const RUN_AS_ROOT = "running as UID 0 is not privileged mode; Tower flags root only with allowPrivilegeEscalation (TWD-0030) and leaves runAsNonRoot to the manifest scanner";
const ROLE_UPDATES = "updates widen roles as well as creates do (Elastic's 'RBAC Wildcard Elevation on Existing Role'): TWD-0036 judges create, update and patch";
const NO_ASN = "Tower has no ASN/cloud-range data: a service account called from a public address outside the learned cluster networks is reported (with the default warm-up, node addresses are learned first)";

/**
 * Panther cases where Tower's mapped detection deliberately disagrees with the expected result, keyed
 * "<case file without .cases.jsonl>|<test_name>". The corpus test asserts this list is exact.
 */
export const PANTHER_DISAGREEMENTS: Record<string, string> = {
  "aws_eks_rules__anonymous_api_access|Anonymous API Access": NO_VERB,
  "aws_eks_rules__anonymous_api_access|ELB Health Check from Public IP": NO_VERB,
  "kubernetes_rules__k8s_anonymous_api_access|EKS Anonymous API Access": NO_VERB,
  "aws_eks_rules__anonymous_api_access|Anonymous API Access Web Scanner Allowed": "GET /version is public by design (system:public-info-viewer); Tower excludes health, version and OIDC discovery paths",
  "aws_eks_rules__anonymous_api_access|Anonymous API Access Web Scanner Denied": "a single refused anonymous request is background noise on any public endpoint; Tower reports refused anonymous writes (TWD-0002) and enumeration bursts (TWD-0003)",
  "aws_eks_rules__system_namespace_public_ip|system username - public ip - not ResponseComplete": "Tower counts each request once whatever its stage (ResponseStarted is kept, its ResponseComplete twin dropped), so long watches are not missed",
  "aws_eks_rules__system_namespace_public_ip|system user from non-AWS public IP - should alert": `${NO_ASN}; node identities (system:node:*) are out of TWD-0005's scope`,
  "aws_eks_rules__system_namespace_public_ip|attacker from non-AWS IP targeting AWS resource - should alert despite AWS target": `${NO_ASN}; node identities (system:node:*) are out of TWD-0005's scope`,
  "gcp_k8s_rules__gcp_k8s_cron_job_created_or_modified|create": NOT_K8S,
  "gcp_k8s_rules__gcp_k8s_cron_job_created_or_modified|update": NOT_K8S,
  "gcp_k8s_rules__gcp_k8s_new_daemonset_deployed|privilege-escalation": NOT_K8S,
  "gcp_k8s_rules__gcp_k8s_privileged_pod_created|Run-As-Root Pod Created": RUN_AS_ROOT,
  "kubernetes_rules__k8s_privileged_pod_created|Run-As-Root Pod Created": RUN_AS_ROOT,
  "kubernetes_rules__k8s_privileged_pod_created|Pod with runAsUser=0 (root)": RUN_AS_ROOT,
  "kubernetes_rules__k8s_admission_controller_created|Webhook Update (Not Create)": "changing or deleting a webhook is as dangerous as creating one (crossref: create, update, patch, delete)",
  "kubernetes_rules__k8s_clusterrolebinding_privileged|RoleBinding (not ClusterRoleBinding)": "a RoleBinding to cluster-admin gives full control of the namespace and its secrets: reported at high instead of critical",
  "kubernetes_rules__k8s_kubectl_cp_operation|EKS kubectl cp TO pod (not exfiltration)": "copying files into a running pod plants tools (crossref: tar with c or x flags): reported at low",
  "kubernetes_rules__k8s_pod_hostpath_volume|AKS Pod With HostPath": "/mnt/data is not a sensitive host path; Tower reports hostPath mounts of /, /proc, /etc, runtime sockets, kubelet state... (any hostPath is the manifest scanner's business)",
  "kubernetes_rules__k8s_role_node_proxy_permissions|Role with pod permissions (not nodes)": "TWD-0036 also covers Falco's 'ClusterRole With Write Privileges Created' and Panther's Role.WritePermissions: create on pods fires it at low",
  "kubernetes_rules__k8s_role_node_proxy_permissions|Updating existing role (not creating)": ROLE_UPDATES,
  "kubernetes_rules__k8s_role_pod_exec|Updating existing role (not creating)": ROLE_UPDATES,
  "kubernetes_rules__k8s_role_wildcard|Updating existing role (not creating)": ROLE_UPDATES,
  "kubernetes_rules__k8s_role_write_permissions|Updating existing role (not creating)": ROLE_UPDATES,
  "kubernetes_rules__k8s_serviceaccount_token_created|System principal in user namespace (alert)": "the controller manager mints tokens for the token controller everywhere; the crossref excludes it from TWD-0017",
  "kubernetes_rules__k8s_system_principal_public_ip|AKS CSI Disk Driver from Azure Node": NO_ASN,
  "kubernetes_rules__k8s_system_principal_public_ip|AKS CSI File Driver from Azure Node": NO_ASN,
  "kubernetes_rules__k8s_system_principal_public_ip|Pod with Mixed Public and Private IPs": "only the last sourceIPs entry is added by the API server; earlier ones are client-supplied X-Forwarded-For and are not trusted",
};
