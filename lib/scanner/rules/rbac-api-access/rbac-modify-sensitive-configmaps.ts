import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0317",
  name: "rbac-modify-sensitive-configmaps",
  title: "RBAC grants changing ConfigMaps in kube-system",
  severity: "high",
  theme: "rbac-api-access",
  description:
    "kube-system ConfigMaps configure the cluster itself: coredns (DNS for every pod, so traffic can be redirected), aws-auth on EKS (which IAM identity is system:masters), kube-proxy and kubeadm/kubelet configuration. update/patch on them, through a RoleBinding in kube-system or a ClusterRoleBinding, is a path to cluster takeover. A rule restricted by resourceNames still counts when it names one of these ConfigMaps. Reported on each binding that grants it (naming its subjects and role), or on the role itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Remove update/patch on configmaps from roles bound in kube-system or cluster-wide; give workloads their own namespace and restrict ConfigMap writes there with resourceNames.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/", "https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html"],
  refs: { kubescape: ["C-0037"] },
  targets: RBAC_TARGETS,
  check: (ctx) => capabilityHits(ctx, CAPABILITIES.sensitiveConfigMaps),
});
