import { defineRule } from "../../define-rule";
import { summariseChecks } from "./_shared/checks";
import { isTrivyReport } from "./_shared/report";

export default defineRule({
  id: "TWR-1004",
  name: "trivy-rbac-assessment",
  title: "Risky RBAC reported (Trivy Operator)",
  severity: "medium",
  theme: "external-reports",
  description:
    "Trivy Operator's RbacAssessmentReport and ClusterRbacAssessmentReport list the RBAC checks a Role or ClusterRole fails " +
    "(secrets access, wildcard verbs, escalation rights). One finding per report with failed CRITICAL, HIGH or MEDIUM checks.",
  remediation: "Narrow the role to the verbs and resources the subject needs (no wildcards, no secrets/escalate/bind/impersonate unless required), then let Trivy Operator rescan.",
  references: [
    "https://aquasecurity.github.io/trivy-operator/latest/docs/crds/rbacassessment-report/",
    "https://kubernetes.io/docs/concepts/security/rbac-good-practices/",
  ],
  refs: {},
  targets: ["RbacAssessmentReport", "ClusterRbacAssessmentReport"],
  check: (obj) => (isTrivyReport(obj) ? summariseChecks(obj, "RBAC") : []),
});
