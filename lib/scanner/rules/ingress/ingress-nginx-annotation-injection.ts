import { defineRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { annotationPath, INJECTABLE_ANNOTATIONS, nginxAnnotations } from "./_lib/annotations";

/** Characters that end an nginx directive or open a block/comment; none belongs in a URL, host or CN. */
const INJECTION = /[;{}|'"`\\\r\n]|#\s*;/;

export default defineRule({
  id: "TWR-0603",
  name: "ingress-nginx-annotation-injection",
  title: "ingress-nginx annotation carries configuration-injection characters",
  severity: "critical",
  theme: "ingress",
  targets: ["Ingress"],
  description:
    "auth-url, auth-signin, auth-tls-match-cn, mirror-target, mirror-host, auth-method, permanent-redirect and proxy-ssl-name " +
    "are copied into nginx.conf; a value holding `;`, braces, quotes, `|`, backslashes or newlines ends the directive and injects " +
    "configuration that runs in the controller (IngressNightmare CVE-2025-1097 / CVE-2025-1098 / CVE-2025-24514, CVE-2026-1580). " +
    "`$host`-style nginx variables are legitimate and pass.",
  remediation:
    "Remove the injected characters (a URL, host name or CN needs none of them), find who wrote the annotation, and upgrade the " +
    "controller to a fixed release with annotation validation on.",
  references: [
    "https://kubernetes.io/blog/2025/03/24/ingress-nginx-cve-2025-1974/",
    "https://github.com/kubernetes/kubernetes/issues/136677",
  ],
  refs: { ksv: ["KCV-0093"] },
  check: (obj) =>
    nginxAnnotations(obj.metadata?.annotations, INJECTABLE_ANNOTATIONS)
      .filter((a) => INJECTION.test(a.value))
      .map((a) => ({
        path: annotationPath(a.key),
        value: a.value.slice(0, 200),
        message: `${describeObject(obj)} annotation ${a.key} contains characters that inject nginx configuration`,
      })),
});
