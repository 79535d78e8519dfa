import "server-only";

// audit objectRef.resource is the lower-case plural; findings are keyed by Kind.
const KINDS: Record<string, string> = {
  pods: "Pod", deployments: "Deployment", daemonsets: "DaemonSet", statefulsets: "StatefulSet", replicasets: "ReplicaSet",
  jobs: "Job", cronjobs: "CronJob", services: "Service", serviceaccounts: "ServiceAccount", secrets: "Secret", configmaps: "ConfigMap",
  namespaces: "Namespace", nodes: "Node", ingresses: "Ingress", networkpolicies: "NetworkPolicy", roles: "Role", rolebindings: "RoleBinding",
  clusterroles: "ClusterRole", clusterrolebindings: "ClusterRoleBinding", persistentvolumes: "PersistentVolume", persistentvolumeclaims: "PersistentVolumeClaim",
  mutatingwebhookconfigurations: "MutatingWebhookConfiguration", validatingwebhookconfigurations: "ValidatingWebhookConfiguration",
  customresourcedefinitions: "CustomResourceDefinition", horizontalpodautoscalers: "HorizontalPodAutoscaler", poddisruptionbudgets: "PodDisruptionBudget",
  limitranges: "LimitRange", resourcequotas: "ResourceQuota", endpoints: "Endpoints", gateways: "Gateway", virtualservices: "VirtualService",
  authorizationpolicies: "AuthorizationPolicy", peerauthentications: "PeerAuthentication", destinationrules: "DestinationRule",
};

export const kindOfResource = (resource: string): string | null => KINDS[resource.toLowerCase()] ?? null;
