import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer, effectiveSecurityContext } from "../../pod-spec";

const PROXY_CONTAINERS = new Set(["istio-proxy", "istio-init", "istio-validation"]);
const PROXY_UID = 1337;

export default definePodRule({
  id: "TWR-0711",
  name: "istio-application-uid-1337",
  title: "Application container runs as Istio's proxy UID 1337",
  severity: "medium",
  theme: "istio",
  description:
    "The Istio sidecar's iptables rules exempt traffic from UID 1337 (the proxy's own user) from redirection. An application container running as 1337 therefore bypasses the sidecar entirely: its outbound traffic skips mTLS, egress policy and telemetry. This is istioctl analyze IST0144.",
  remediation:
    "Run the application under any other UID: change securityContext.runAsUser (pod or container level) and the image's USER away from 1337.",
  references: [
    "https://istio.io/latest/docs/reference/config/analysis/ist0144/",
    "https://istio.io/latest/docs/ops/deployment/application-requirements/",
  ],
  refs: { istio: ["IST0144"] },
  check: (obj, pod) =>
    containersOf(pod)
      .filter((c) => !PROXY_CONTAINERS.has(c.container.name ?? ""))
      .flatMap((c) => {
        const { sc, from } = effectiveSecurityContext(pod, c);
        if (sc.runAsUser !== PROXY_UID) return [];
        const path = from.runAsUser ?? `${c.path}.securityContext.runAsUser`;
        return [{ path, value: PROXY_UID, message: `${describeContainer(obj, c)} runs as UID 1337 (${path}), the UID Istio's sidecar traffic capture exempts` }];
      }),
});
