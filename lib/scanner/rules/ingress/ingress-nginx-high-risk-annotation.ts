import { defineRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { annotationPath, HIGH_RISK_ANNOTATIONS, nginxAnnotations } from "./_lib/annotations";

export default defineRule({
  id: "TWR-0604",
  name: "ingress-nginx-high-risk-annotation",
  title: "Ingress uses an annotation ingress-nginx rates High risk",
  severity: "medium",
  theme: "ingress",
  targets: ["Ingress"],
  description:
    "ingress-nginx rates ten annotations High risk (auth-url, auth-signin, auth-tls-match-cn, auth-tls-error-page, mirror-host, " +
    "mirror-target, modsecurity-transaction-id, proxy-ssl-name, server-alias, upstream-hash-by): their values reach nginx.conf " +
    "with limited validation and were the vectors of the 2025 IngressNightmare injections. The controller's default " +
    "annotations-risk-level (High) still accepts them, so review who may set them.",
  remediation:
    "Keep these annotations only where needed, restrict who can create or edit Ingresses in the namespace, lower the controller's " +
    "annotations-risk-level to Medium where possible, and keep the controller on a fixed release.",
  references: [
    "https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/configmap/#annotations-risk-level",
    "https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations-risk/",
  ],
  refs: {},
  check: (obj) =>
    nginxAnnotations(obj.metadata?.annotations, HIGH_RISK_ANNOTATIONS).map((a) => ({
      path: annotationPath(a.key),
      value: a.value.slice(0, 200),
      message: `${describeObject(obj)} sets annotation ${a.key} (ingress-nginx risk level High)`,
    })),
});
