import { defineRule } from "../../define-rule";
import { summariseChecks } from "./_shared/checks";
import { isTrivyReport } from "./_shared/report";

export default defineRule({
  id: "TWR-1003",
  name: "trivy-config-audit",
  title: "Failed configuration checks (Trivy Operator)",
  severity: "medium",
  theme: "external-reports",
  description:
    "Trivy Operator's ConfigAuditReport lists the configuration checks a workload or other object fails in the running cluster. " +
    "One finding per report with failed CRITICAL, HIGH or MEDIUM checks, naming the object it is about; LOW checks are left out.",
  remediation: "Fix the listed checks in the object's manifest (each Trivy check id, e.g. KSV-0014, documents its fix), then let Trivy Operator rescan.",
  references: [
    "https://aquasecurity.github.io/trivy-operator/latest/docs/crds/configaudit-report/",
    "https://avd.aquasec.com/misconfig/kubernetes/",
  ],
  refs: {},
  targets: ["ConfigAuditReport", "ClusterConfigAuditReport"],
  check: (obj) => (isTrivyReport(obj) ? summariseChecks(obj, "configuration") : []),
});
