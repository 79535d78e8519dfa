import type { Container, PodSpecRef } from "../../../pod-spec";
import type { K8sObject } from "../../../types";
import { isRecord, ownerRefsOf } from "./pod-meta";

/** Registries that publish only Kubernetes and managed-platform components. */
const PLATFORM_REGISTRIES = [
  "registry.k8s.io/", "k8s.gcr.io/", "gke.gcr.io/", "gcr.io/gke-release/", "gcr.io/google-containers/", "gcr.io/k8s-", "us-docker.pkg.dev/gke-",
  "mcr.microsoft.com/oss/kubernetes", "mcr.microsoft.com/aks/", "mcr.microsoft.com/containernetworking/", "public.ecr.aws/eks/",
  "public.ecr.aws/eks-distro/", "quay.io/cilium/", "docker.io/calico/", "calico/", "quay.io/calico/", "quay.io/tigera/", "docker.io/rancher/", "rancher/",
];
const ECR_EKS = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/(eks\/|amazon-k8s-cni|amazon\/)/;

/** Labels only Kubernetes add-ons, control-plane manifests and managed platforms set. */
const SYSTEM_LABELS: Array<[string, string | undefined]> = [
  ["kubernetes.io/cluster-service", "true"],
  ["addonmanager.kubernetes.io/mode", undefined],
  ["tier", "control-plane"],
  ["k8s-app", undefined],
  ["eks.amazonaws.com/component", undefined],
  ["kubernetes.azure.com/managedby", undefined],
  ["components.gke.io/component-name", undefined],
];

const hasSystemLabel = (labels: unknown): boolean =>
  isRecord(labels) && SYSTEM_LABELS.some(([k, v]) => labels[k] !== undefined && (v === undefined || labels[k] === v));

const platformImage = (c: Container | null | undefined): boolean => {
  const image = c?.image;
  return typeof image === "string" && (PLATFORM_REGISTRIES.some((r) => image.startsWith(r)) || ECR_EKS.test(image));
};

const listOf = (v: unknown): Container[] => (Array.isArray(v) ? v : []);

/**
 * Heuristic for "a real system component" in kube-system. Any one signal is enough:
 * 1. a static/mirror pod (kubernetes.io/config.mirror or config.source annotation, or owned by a Node);
 * 2. a system priority class (system-cluster-critical / system-node-critical);
 * 3. a label only add-ons and platforms set (k8s-app, tier=control-plane, kubernetes.io/cluster-service=true, addonmanager.kubernetes.io/mode, ...),
 *    on the object or its pod template;
 * 4. every container image comes from a Kubernetes or managed-platform registry (registry.k8s.io, EKS/AKS/GKE registries, Cilium, Calico).
 */
export const isSystemComponent = (obj: K8sObject, pod: PodSpecRef): boolean => {
  const ann = isRecord(obj.metadata?.annotations) ? obj.metadata.annotations : {};
  if (ann["kubernetes.io/config.mirror"] !== undefined || ann["kubernetes.io/config.source"] !== undefined) return true;
  if (ownerRefsOf(obj).some((o) => o.kind === "Node")) return true;
  if (pod.spec.priorityClassName === "system-cluster-critical" || pod.spec.priorityClassName === "system-node-critical") return true;
  if (hasSystemLabel(obj.metadata?.labels) || hasSystemLabel(pod.podMeta.labels)) return true;
  const containers = [...listOf(pod.spec.containers), ...listOf(pod.spec.initContainers)];
  return containers.length > 0 && containers.every(platformImage);
};
