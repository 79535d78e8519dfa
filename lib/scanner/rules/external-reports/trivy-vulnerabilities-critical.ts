import { defineRule } from "../../define-rule";
import { isTrivyReport } from "./_shared/report";
import { summariseVulnerabilities } from "./_shared/vulnerabilities";

export default defineRule({
  id: "TWR-1001",
  name: "trivy-vulnerabilities-critical",
  title: "Image with critical vulnerabilities (Trivy Operator)",
  severity: "critical",
  theme: "external-reports",
  description:
    "Trivy Operator scanned a running workload's image and found CRITICAL vulnerabilities. One finding per VulnerabilityReport " +
    "(one report per container image), naming the workload from the report's trivy-operator.resource.* labels and the top CVEs with their fixed versions. " +
    "Reports whose worst severity is HIGH are reported by trivy-vulnerabilities-high instead.",
  remediation: "Rebuild or upgrade the image to versions that fix the listed CVEs (rebase on a patched base image), redeploy, and let Trivy Operator rescan.",
  references: [
    "https://aquasecurity.github.io/trivy-operator/latest/docs/crds/vulnerability-report/",
    "https://kubernetes.io/docs/concepts/security/security-checklist/#images",
  ],
  refs: {},
  targets: ["VulnerabilityReport"],
  check: (obj) => (isTrivyReport(obj) ? summariseVulnerabilities(obj, "CRITICAL") : []),
});
