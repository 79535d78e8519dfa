import { defineRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import type { Violation } from "../../types";

export default defineRule({
  id: "TWR-0608",
  name: "ingress-wildcard-host",
  title: "Ingress routes a wildcard host",
  severity: "low",
  theme: "ingress",
  targets: ["Ingress"],
  description:
    "A rule for `*.example.com` sends every subdomain, including names nobody registered on purpose, to one backend: it widens the " +
    "attack surface, defeats host-based isolation between teams sharing the controller, and pairs with a wildcard certificate " +
    "whose key then protects every subdomain.",
  remediation: "List the exact host names the application serves in spec.rules[].host (and spec.tls[].hosts).",
  references: ["https://kubernetes.io/docs/concepts/services-networking/ingress/#hostname-wildcards"],
  refs: {},
  check: (obj) => {
    const rules = (obj.spec as { rules?: unknown } | undefined)?.rules;
    const out: Violation[] = [];
    (Array.isArray(rules) ? rules : []).forEach((rule, i) => {
      const host = (rule as { host?: unknown } | null)?.host;
      if (typeof host === "string" && host.startsWith("*"))
        out.push({ path: `spec.rules[${i}].host`, value: host, message: `${describeObject(obj)} spec.rules[${i}].host is the wildcard '${host}'` });
    });
    return out;
  },
});
