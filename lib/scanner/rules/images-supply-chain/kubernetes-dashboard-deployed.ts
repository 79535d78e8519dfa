import { defineRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { imagesNamed, isControlled, labelSets, WORKLOAD_KINDS } from "./_shared/workload-objects";

/** Dashboard images (kubernetesui/dashboard, the v3 split images, and the old k8s.gcr.io names); the metrics scraper alone is not the dashboard. */
const DASHBOARD_IMAGES = new Set(["dashboard", "dashboard-api", "dashboard-web", "dashboard-auth", "kubernetes-dashboard", "kubernetes-dashboard-amd64", "kubernetes-dashboard-arm64"]);
const LABEL_KEYS = ["app", "k8s-app", "app.kubernetes.io/name"];

export default defineRule({
  id: "TWR-0206",
  name: "kubernetes-dashboard-deployed",
  title: "Kubernetes Dashboard deployed",
  severity: "medium",
  theme: "images-supply-chain",
  description:
    "The Kubernetes Dashboard is a web UI into the cluster. Installs are often exposed, and grant its ServiceAccount broad rights " +
    "(the 2018 Tesla cryptojacking began at an open dashboard). Detected by the dashboard image (kubernetesui/dashboard*, kubernetes-dashboard-amd64) " +
    "or an app / k8s-app / app.kubernetes.io/name label of kubernetes-dashboard.",
  remediation:
    "Remove the dashboard if it is not needed. Otherwise keep it off Ingress/LoadBalancer, require token login, and bind its ServiceAccount to a minimal read-only role.",
  references: [
    "https://kubernetes.io/docs/tasks/access-application-cluster/web-ui-dashboard/",
    "https://github.com/kubernetes/dashboard/blob/master/docs/user/access-control/README.md",
  ],
  refs: {
    checkov: ["CKV_K8S_33"],
    mitre: ["T1133"],
  },
  targets: WORKLOAD_KINDS,
  check: (obj) => {
    if (isControlled(obj)) return [];
    const [img] = imagesNamed(obj, DASHBOARD_IMAGES);
    if (img) return [{ path: img.path, value: img.image, message: `${describeObject(obj)} runs the Kubernetes Dashboard image '${img.image}'` }];
    for (const s of labelSets(obj)) {
      const key = LABEL_KEYS.find((k) => s.labels[k] === "kubernetes-dashboard");
      if (key) return [{ path: `${s.path}.${key}`, value: "kubernetes-dashboard", message: `${describeObject(obj)} is labelled ${key}=kubernetes-dashboard (${s.path})` }];
    }
    return [];
  },
});
