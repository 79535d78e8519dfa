import { definePodRule } from "../../define-rule";
import { describeContainer } from "../../pod-spec";
import { hasLimit, resourcedContainers } from "./_practice/resources";

export default definePodRule({
  id: "TWR-0161",
  name: "cpu-limit-missing",
  title: "CPU limit not set",
  severity: "low",
  theme: "pod-hardening",
  description:
    "A container without a CPU limit can use all idle CPU on its node; a runaway or compromised process then degrades its neighbours. " +
    "A LimitRange default in the namespace also satisfies this at admission, which a manifest scan cannot see.",
  remediation: "Set resources.limits.cpu on every container (or a LimitRange default in the namespace), sized from observed usage.",
  references: [
    "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
    "https://kubernetes.io/docs/concepts/policy/limit-range/",
  ],
  refs: {
    ksv: ["KSV-0011"],
    kubescape: ["C-0270"],
    polaris: ["cpuLimitsMissing"],
    nsa: ["C-0270"],
  },
  check: (obj, pod) =>
    resourcedContainers(pod)
      .filter((c) => !hasLimit(c, "cpu"))
      .map((c) => ({ path: `${c.path}.resources.limits.cpu`, message: `${describeContainer(obj, c)} does not set resources.limits.cpu` })),
});
