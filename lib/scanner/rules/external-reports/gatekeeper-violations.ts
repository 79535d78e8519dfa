import { defineSnapshotRule } from "../../define-rule";
import type { Hit, K8sObject } from "../../types";
import { clip, isRecord, str } from "./_shared/report";

const GROUP = "constraints.gatekeeper.sh/";

/** Constraint kinds are defined by ConstraintTemplates; these common gatekeeper-library kinds let the rule run without them. */
const LIBRARY_KINDS = [
  "K8sRequiredLabels", "K8sAllowedRepos", "K8sContainerLimits", "K8sRequiredProbes", "K8sBlockNodePort", "K8sHttpsOnly",
  "K8sPSPPrivilegedContainer", "K8sPSPHostNamespace", "K8sPSPCapabilities", "K8sPSPAllowPrivilegeEscalationContainer",
  "K8sDisallowedTags", "K8sBlockLoadBalancer", "K8sRequiredResources",
];

/** Every constraint object in the snapshot, found once per scan by API group. */
const constraintsOf = (objects: readonly K8sObject[]): K8sObject[] => objects.filter((o) => typeof o.apiVersion === "string" && o.apiVersion.startsWith(GROUP));

export default defineSnapshotRule({
  id: "TWR-1007",
  name: "gatekeeper-violations",
  title: "Gatekeeper constraint violations",
  severity: "medium",
  theme: "external-reports",
  description:
    "OPA Gatekeeper's audit writes the existing objects that violate each constraint into the constraint's status.violations. " +
    "Violations of dryrun/warn constraints were admitted and are still running. One finding per listed violation, on the constraint, " +
    "naming the violating object. The audit lists at most --constraint-violations-limit (20 by default) per constraint; totalViolations gives the full count.",
  remediation: "Fix the violating object as the message says, or narrow the constraint's match if the object is a legitimate exception.",
  references: [
    "https://open-policy-agent.github.io/gatekeeper/website/docs/audit/",
    "https://open-policy-agent.github.io/gatekeeper/website/docs/violations/",
  ],
  refs: {},
  targets: ["ConstraintTemplate", ...LIBRARY_KINDS],
  check: (ctx) => {
    const hits: Hit[] = [];
    for (const c of ctx.snapshot.memo("external-reports:gatekeeper-constraints", () => constraintsOf(ctx.snapshot.objects))) {
      const status = isRecord(c.status) ? c.status : {};
      const violations = Array.isArray(status.violations) ? status.violations : [];
      const total = typeof status.totalViolations === "number" ? status.totalViolations : violations.length;
      const more = total > violations.length ? ` (${total} violations in total, ${violations.length} listed)` : "";
      violations.forEach((v, i) => {
        if (!isRecord(v)) return;
        const ns = str(v.namespace);
        const target = `${str(v.kind) ?? "object"} '${str(v.name) ?? "?"}'${ns ? ` in namespace '${ns}'` : ""}`;
        // A message about a Secret may quote its data: keep it out.
        const text = str(v.message) && v.kind !== "Secret" ? `: ${str(v.message)}` : "";
        const action = str(v.enforcementAction) ?? (isRecord(c.spec) ? str(c.spec.enforcementAction) : undefined) ?? "deny";
        hits.push({
          object: c,
          path: `status.violations[${i}]`,
          value: { kind: str(v.kind), name: str(v.name), namespace: ns, enforcementAction: action },
          message: clip(`Gatekeeper constraint ${c.kind} '${c.metadata?.name ?? "?"}' (${action}) reports ${target}${text}${i === 0 ? more : ""}`, 400),
        });
      });
    }
    return hits;
  },
});
