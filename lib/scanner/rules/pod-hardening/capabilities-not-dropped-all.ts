import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer } from "../../pod-spec";
import { capabilityList, isWindowsPod } from "./_shared/capabilities";

export default definePodRule({
  id: "TWR-0115",
  name: "capabilities-not-dropped-all",
  title: "Capabilities not dropped",
  severity: "medium",
  theme: "pod-hardening",
  description:
    "Container runtimes grant a default set of Linux capabilities (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW, ...). " +
    "Few applications need any of them, and each one widens what an attacker in the container can do.",
  remediation:
    "Set securityContext.capabilities.drop: [\"ALL\"] on every container, then add back only what the process needs " +
    "(PSS restricted allows only NET_BIND_SERVICE).",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container",
  ],
  // KSV-0106 and kubeaudit "capabilities" check drop ALL and add-nothing-else together: this rule plus
  // capabilities-added-beyond-net-bind-service. Polaris insecureCapabilities and kubescape C-0055 accept other
  // combinations (a long explicit drop list, any one hardening field) and are not claimed.
  refs: {
    ksv: ["KSV-0003", "KSV-0106"],
    cis: ["5.2.10"],
    checkov: ["CKV_K8S_37"],
    kubeaudit: ["capabilities"],
    pss: ["restricted"],
  },
  check: (obj, pod) =>
    isWindowsPod(pod)
      ? []
      : containersOf(pod)
          .filter((c) => !capabilityList(c.container, "drop").some((e) => e.name === "ALL"))
          .map((c) => {
            const drop = c.container.securityContext?.capabilities?.drop;
            return {
              path: `${c.path}.securityContext.capabilities.drop`,
              value: drop,
              message: Array.isArray(drop) && drop.length
                ? `${describeContainer(obj, c)} drops only ${drop.map(String).join(", ")} in securityContext.capabilities.drop, not ALL`
                : `${describeContainer(obj, c)} does not drop ALL capabilities (securityContext.capabilities.drop is not set)`,
            };
          }),
});
