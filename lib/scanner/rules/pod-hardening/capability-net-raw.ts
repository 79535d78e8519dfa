import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer } from "../../pod-spec";
import type { Violation } from "../../types";
import { capabilityList, dropsCapability, isWindowsPod } from "./_shared/capabilities";

export default definePodRule({
  id: "TWR-0119",
  name: "capability-net-raw",
  title: "Container keeps the NET_RAW capability",
  severity: "medium",
  theme: "pod-hardening",
  description:
    "NET_RAW lets a process craft raw packets: ARP and DNS spoofing of other pods on the node, and several kernel exploits. " +
    "Docker and containerd grant it by default, so a container has it unless it drops NET_RAW or ALL (CIS 5.2.8).",
  remediation: "Add NET_RAW (or better, ALL) to securityContext.capabilities.drop and never add it back; ping works without it on recent kernels.",
  references: [
    "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container",
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
  ],
  // KSV-0119 flags only an added NET_RAW and is not claimed: this rule also fires when the default NET_RAW is kept.
  refs: {
    cis: ["5.2.8"],
    checkov: ["CKV_K8S_28"],
  },
  check: (obj, pod) => {
    if (isWindowsPod(pod)) return [];
    const out: Violation[] = [];
    for (const c of containersOf(pod)) {
      const added = capabilityList(c.container, "add").find((e) => e.name === "NET_RAW" || e.name === "ALL");
      if (added) {
        out.push({
          path: `${c.path}.securityContext.capabilities.add[${added.index}]`,
          value: added.raw,
          message: `${describeContainer(obj, c)} adds ${added.raw} in securityContext.capabilities.add, which grants NET_RAW`,
        });
      } else if (!dropsCapability(c.container, "NET_RAW")) {
        out.push({
          path: `${c.path}.securityContext.capabilities.drop`,
          value: c.container.securityContext?.capabilities?.drop,
          message: `${describeContainer(obj, c)} keeps the runtime's default NET_RAW: securityContext.capabilities.drop lists neither NET_RAW nor ALL`,
        });
      }
    }
    return out;
  },
});
