import { definePodRule } from "../../define-rule";
import { describeContainer } from "../../pod-spec";
import { hasEffectiveRequest, resourcedContainers } from "./_practice/resources";

export default definePodRule({
  id: "TWR-0163",
  name: "resource-requests-missing",
  title: "CPU or memory request not set",
  severity: "low",
  theme: "pod-hardening",
  description:
    "Without requests the scheduler places the pod blind and it runs as BestEffort (or Burstable), the first to be evicted under node pressure. " +
    "A request is considered set when the container sets the matching limit, since Kubernetes then defaults the request to the limit.",
  remediation: "Set resources.requests.cpu and resources.requests.memory on every container, sized from observed usage.",
  references: [
    "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
    "https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/",
  ],
  // Peers split CPU and memory into separate checks and ignore that a limit defaults the request, so none is claimed.
  refs: {},
  check: (obj, pod) =>
    resourcedContainers(pod).flatMap((c) => {
      const missing = (["cpu", "memory"] as const).filter((r) => !hasEffectiveRequest(c, r));
      if (!missing.length) return [];
      return [{
        path: `${c.path}.resources.requests.${missing[0]}`,
        ...(missing.length > 1 ? { extraPaths: [{ path: `${c.path}.resources.requests.memory` }] } : {}),
        message: `${describeContainer(obj, c)} does not set ${missing.map((r) => `resources.requests.${r}`).join(" or ")}`,
      }];
    }),
});
