import { definePodRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { isSystemComponent } from "./_practice/system-component";

export default definePodRule({
  id: "TWR-0165",
  name: "user-workload-in-kube-system",
  title: "User workload in kube-system",
  severity: "medium",
  theme: "pod-hardening",
  description:
    "kube-system holds the control plane and cluster add-ons, with powerful ServiceAccounts and secrets. An application deployed there " +
    "shares that boundary, and anyone allowed to manage it can reach those credentials. A workload counts as a system component when it is " +
    "a static pod, uses a system-* priority class, carries an add-on label (k8s-app, tier=control-plane, kubernetes.io/cluster-service, " +
    "addonmanager.kubernetes.io/mode, EKS/AKS/GKE component labels), or runs only images from Kubernetes or managed-platform registries.",
  remediation: "Move the workload to its own namespace. If it is a genuine cluster add-on, label it (e.g. k8s-app) and give it the system priority class it needs.",
  references: [
    "https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces",
    "https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF",
  ],
  refs: {
    ksv: ["KSV-0037"],
    nsa: ["T-1.12"],
  },
  check: (obj, pod) => {
    if (obj.metadata?.namespace !== "kube-system" || isSystemComponent(obj, pod)) return [];
    return [{
      path: "metadata.namespace",
      value: "kube-system",
      message: `${describeObject(obj)} runs in kube-system but shows none of the signs of a system component (static pod, system priority class, add-on labels, platform images)`,
    }];
  },
});
