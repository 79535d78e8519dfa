import { defineRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { annotationPath, CRITICAL_ANNOTATIONS, nginxAnnotations } from "./_lib/annotations";

export default defineRule({
  id: "TWR-0602",
  name: "ingress-nginx-snippet-annotation",
  title: "Ingress uses an ingress-nginx snippet annotation",
  severity: "critical",
  theme: "ingress",
  targets: ["Ingress"],
  description:
    "configuration-, server-, auth-, stream- and modsecurity-snippet paste raw nginx configuration into the shared controller: " +
    "ingress-nginx rates them Critical because anyone who can write an Ingress can read the controller's service-account token " +
    "(which can read every Secret in the cluster) or run code in it (CVE-2021-25742, CVE-2023-5043).",
  remediation:
    "Replace the snippet with the dedicated annotation or a controller ConfigMap setting, keep allow-snippet-annotations=false and " +
    "annotations-risk-level below Critical, and move to a maintained controller (Gateway API) since ingress-nginx is retired.",
  references: [
    "https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#configuration-snippet",
    "https://github.com/kubernetes/ingress-nginx/issues/7837",
  ],
  refs: {},
  check: (obj) =>
    nginxAnnotations(obj.metadata?.annotations, CRITICAL_ANNOTATIONS).map((a) => ({
      path: annotationPath(a.key),
      value: `${a.value.length} chars`,
      message: `${describeObject(obj)} sets annotation ${a.key} (ingress-nginx risk level Critical)`,
    })),
});
