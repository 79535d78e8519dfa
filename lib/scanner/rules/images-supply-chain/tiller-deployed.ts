import { defineRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import type { K8sObject } from "../../types";
import { imagesNamed, isControlled, labelSets, WORKLOAD_KINDS } from "./_shared/workload-objects";

/** Helm v2 installs Tiller with labels app=helm,name=tiller; some charts label it app=tiller. */
const isTillerLabels = (l: Record<string, string> | undefined): boolean =>
  !!l && ((l.app === "helm" && l.name === "tiller") || l.app === "tiller" || l["app.kubernetes.io/name"] === "tiller");

const evidence = (obj: K8sObject): { path: string; value: unknown; why: string } | undefined => {
  const [img] = imagesNamed(obj, new Set(["tiller"]));
  if (img) return { path: img.path, value: img.image, why: `runs the Tiller image '${img.image}'` };
  const lab = labelSets(obj).find((s) => isTillerLabels(s.labels));
  if (lab) return { path: lab.path, value: lab.labels, why: `carries the Tiller labels at ${lab.path}` };
  const selector = obj.kind === "Service" && typeof obj.spec === "object" && obj.spec ? (obj.spec as Record<string, unknown>).selector : undefined;
  if (isTillerLabels(selector as Record<string, string> | undefined)) return { path: "spec.selector", value: selector, why: "selects the Tiller pods (spec.selector)" };
  return undefined;
};

export default defineRule({
  id: "TWR-0205",
  name: "tiller-deployed",
  title: "Helm v2 Tiller deployed",
  severity: "high",
  theme: "images-supply-chain",
  description:
    "Tiller, the server side of Helm v2, runs with cluster-wide privileges and by default serves an unauthenticated gRPC API on port 44134 " +
    "to every pod in the cluster: anyone who reaches it can install anything. Helm v2 has been unsupported since 2020.",
  remediation: "Migrate releases to Helm 3 (helm-2to3), then delete the tiller-deploy Deployment, its Service and its ServiceAccount/ClusterRoleBinding.",
  references: [
    "https://helm.sh/docs/topics/v2_v3_migration/",
    "https://helm.sh/blog/helm-v2-deprecation-timeline/",
  ],
  refs: {
    ksv: ["KSV-0102"],
    checkov: ["CKV_K8S_34", "CKV_K8S_44"],
  },
  targets: [...WORKLOAD_KINDS, "Service"],
  check: (obj) => {
    if (isControlled(obj)) return [];
    const e = evidence(obj);
    return e ? [{ path: e.path, value: e.value, message: `${describeObject(obj)} is Helm v2 Tiller: it ${e.why}` }] : [];
  },
});
