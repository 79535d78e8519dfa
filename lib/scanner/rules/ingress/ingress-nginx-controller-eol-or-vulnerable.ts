import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer } from "../../pod-spec";
import type { Violation } from "../../types";
import { INGRESS_NGINX_RETIREMENT } from "../../data/ingress-nginx-releases";
import { advisoriesFor, controllerImage, parseVersion } from "./_lib/controller";

export default definePodRule({
  id: "TWR-0606",
  name: "ingress-nginx-controller-eol-or-vulnerable",
  title: "ingress-nginx controller is vulnerable or retired",
  severity: "high",
  theme: "ingress",
  description:
    "The ingress-nginx controller holds a service account that can read every Secret and sits on the cluster edge: its CVEs " +
    "(CVE-2021-25742 snippets, CVE-2023-5043/5044 annotation injection, CVE-2025-1974 IngressNightmare RCE, the 2026 " +
    "configuration injections) hand that account to whoever can write an Ingress or reach the admission webhook. The project " +
    "was retired in March 2026: no release after it gets security fixes. The version is read from the controller image tag " +
    "(registry.k8s.io/ingress-nginx/controller and re-builds); images without a version tag are not judged.",
  remediation:
    "Upgrade to the newest fixed release (1.14.4 / 1.15.0) now, then migrate to a maintained Ingress or Gateway API controller " +
    "(e.g. via ingress2gateway); until then keep allow-snippet-annotations=false and the admission webhook unreachable from pods.",
  references: [
    INGRESS_NGINX_RETIREMENT.source,
    "https://kubernetes.io/blog/2025/03/24/ingress-nginx-cve-2025-1974/",
    "https://github.com/kubernetes/ingress-nginx/releases",
  ],
  refs: { kubescape: ["C-0059", "C-0292"] },
  check: (obj, pod, ctx) => {
    const retired = ctx.now.getTime() >= Date.parse(INGRESS_NGINX_RETIREMENT.date);
    const out: Violation[] = [];
    for (const c of containersOf(pod)) {
      const image = typeof c.container.image === "string" ? controllerImage(c.container.image) : undefined;
      const version = image?.tag ? parseVersion(image.tag) : undefined;
      if (!image || !version) continue;
      const cves = advisoriesFor(version).map((a) => a.cve);
      if (!cves.length && !retired) continue;
      const problems = [
        ...(cves.length ? [`affected by ${cves.join(", ")}`] : []),
        ...(retired ? ["the ingress-nginx project is retired (no security fixes after March 2026)"] : []),
      ];
      out.push({
        path: `${c.path}.image`,
        value: c.container.image,
        message: `${describeContainer(obj, c)} runs ingress-nginx controller ${image.tag}: ${problems.join("; ")}`,
      });
    }
    return out;
  },
});
