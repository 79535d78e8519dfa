import { defineRule } from "../../define-rule";
import { nsOf, recordList, ROOT_NAMESPACE, specOf } from "../../istio/mesh";
import { isRecord } from "../../istio/selectors";

const isEmpty = (v: unknown) => v === undefined || v === null || (isRecord(v) && Object.keys(v).length === 0);

/** A rule entry matches every request when it has no conditions and every from/to entry is empty. */
const matchesEverything = (rule: Record<string, unknown>): boolean =>
  recordList(rule.when).length === 0 &&
  recordList(rule.from).every((f) => isEmpty(f.source)) &&
  recordList(rule.to).every((t) => isEmpty(t.operation));

export default defineRule({
  id: "TWR-0706",
  name: "istio-authorizationpolicy-allow-all",
  title: "Istio AuthorizationPolicy allows every request",
  severity: "high",
  theme: "istio",
  targets: ["AuthorizationPolicy"],
  description:
    "An ALLOW policy with an empty rule (`rules: [{}]`, or rules whose from/to entries are all empty) matches every request, from any source, authenticated or not. Because any matching ALLOW policy admits a request, it silently overrides the other ALLOW policies on the same workloads, turning a default-deny posture into allow-all.",
  remediation:
    "Replace the empty rule with explicit from.source (principals, namespaces) and to.operation (methods, paths, ports) conditions. To deny everything use `spec: {}`; to allow everything deliberately, document it and scope the selector to one workload.",
  references: [
    "https://istio.io/latest/docs/reference/config/security/authorization-policy/",
    "https://istio.io/latest/docs/ops/best-practices/security/#use-default-deny-patterns",
  ],
  refs: {},
  check: (obj) => {
    const spec = specOf(obj);
    const action = typeof spec.action === "string" ? spec.action.toUpperCase() : "ALLOW";
    if (action !== "ALLOW" || !Array.isArray(spec.rules)) return [];
    const scope = !isRecord(spec.selector) && !spec.targetRef && !spec.targetRefs ? (nsOf(obj) === ROOT_NAMESPACE ? "every workload in the mesh" : `every workload in namespace '${nsOf(obj)}'`) : "the selected workloads";
    return spec.rules.flatMap((rule, i) =>
      rule === null || (isRecord(rule) && matchesEverything(rule))
        ? [{ path: `spec.rules[${i}]`, message: `AuthorizationPolicy '${obj.metadata?.name}' has action ALLOW and spec.rules[${i}] without conditions: every request to ${scope} is allowed` }]
        : [],
    );
  },
});
