import { definePodRule } from "../../define-rule";
import { describeContainer } from "../../pod-spec";
import { hasLimit, resourcedContainers } from "./_practice/resources";

export default definePodRule({
  id: "TWR-0162",
  name: "memory-limit-missing",
  title: "Memory limit not set",
  severity: "medium",
  theme: "pod-hardening",
  description:
    "A container without a memory limit can consume all memory on its node until the kernel's OOM killer picks victims, possibly " +
    "other tenants' pods or node daemons. A LimitRange default in the namespace also satisfies this at admission, which a manifest scan cannot see.",
  remediation: "Set resources.limits.memory on every container (or a LimitRange default in the namespace), sized from observed usage.",
  references: [
    "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
    "https://kubernetes.io/docs/concepts/policy/limit-range/",
  ],
  refs: {
    ksv: ["KSV-0018"],
    kubescape: ["C-0271"],
    polaris: ["memoryLimitsMissing"],
    checkov: ["CKV_K8S_13"],
    nsa: ["C-0271"],
  },
  check: (obj, pod) =>
    resourcedContainers(pod)
      .filter((c) => !hasLimit(c, "memory"))
      .map((c) => ({ path: `${c.path}.resources.limits.memory`, message: `${describeContainer(obj, c)} does not set resources.limits.memory` })),
});
