import { defineRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import type { K8sObject } from "../../types";
import { ownerRefsOf } from "./_practice/pod-meta";

/** Namespaced kinds that belong to an application. NetworkPolicy, LimitRange and ResourceQuota in default are protective and not reported. */
const TARGETS = [
  "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob", "PodTemplate",
  "Service", "Endpoints", "EndpointSlice", "Ingress", "ConfigMap", "Secret", "ServiceAccount", "Role", "RoleBinding",
  "PersistentVolumeClaim", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Lease", "CSIStorageCapacity",
] as const;

/** Objects Kubernetes itself keeps in 'default'. Matched by exact name, so look-alikes such as 'kubernetes-spoof' are still reported. */
const isBuiltIn = (obj: K8sObject): boolean => {
  const name = obj.metadata?.name;
  if (name === "kubernetes") {
    if (obj.kind === "Service" || obj.kind === "Endpoints") return true;
    if (obj.kind === "EndpointSlice") return obj.metadata?.labels?.["endpointslice.kubernetes.io/managed-by"] === "endpointslice-controller.k8s.io";
  }
  if (obj.kind === "ServiceAccount" && name === "default") return true;
  if (obj.kind === "ConfigMap" && name === "kube-root-ca.crt") return true;
  return obj.kind === "Secret" && obj.type === "kubernetes.io/service-account-token" && obj.metadata?.annotations?.["kubernetes.io/service-account.name"] === "default";
};

export default defineRule({
  id: "TWR-0164",
  name: "workload-in-default-namespace",
  title: "Object in the default namespace",
  severity: "low",
  theme: "pod-hardening",
  description:
    "The default namespace is where everything lands when no namespace is given: workloads there share one boundary for RBAC, " +
    "network policies and quotas with anything else deployed by mistake. An object without metadata.namespace in a manifest " +
    "is also reported, since it is created in 'default' unless a namespace is given at apply time. Objects Kubernetes manages in default are not reported.",
  remediation: "Create a namespace per application or team and set metadata.namespace (or the kustomize/Helm namespace) on every object.",
  references: [
    "https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/",
    "https://kubernetes.io/docs/concepts/security/multi-tenancy/",
  ],
  refs: {
    ksv: ["KSV-0110"],
    kubescape: ["C-0061", "C-0212"],
    cis: ["5.7.4"],
    checkov: ["CKV_K8S_21"],
  },
  targets: TARGETS,
  check: (obj) => {
    const ns = obj.metadata?.namespace;
    if ((ns !== undefined && ns !== "default") || isBuiltIn(obj)) return [];
    // Owned objects (a Deployment's ReplicaSets and Pods) are reported through their owner.
    if (ownerRefsOf(obj).some((o) => o.controller === true)) return [];
    return [
      ns === "default"
        ? { path: "metadata.namespace", value: "default", message: `${describeObject(obj)} is in the 'default' namespace (metadata.namespace=default)` }
        : { path: "metadata.namespace", message: `${describeObject(obj)} has no metadata.namespace, so it is created in 'default' unless a namespace is given at apply time` },
    ];
  },
});
