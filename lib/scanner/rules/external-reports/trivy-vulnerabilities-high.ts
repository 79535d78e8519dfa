import { defineRule } from "../../define-rule";
import { isTrivyReport } from "./_shared/report";
import { summariseVulnerabilities } from "./_shared/vulnerabilities";

export default defineRule({
  id: "TWR-1002",
  name: "trivy-vulnerabilities-high",
  title: "Image with high-severity vulnerabilities (Trivy Operator)",
  severity: "high",
  theme: "external-reports",
  description:
    "Trivy Operator scanned a running workload's image and found HIGH vulnerabilities but no CRITICAL ones (those are reported by " +
    "trivy-vulnerabilities-critical). One finding per VulnerabilityReport, naming the workload and the top CVEs with their fixed versions.",
  remediation: "Rebuild or upgrade the image to versions that fix the listed CVEs (rebase on a patched base image), redeploy, and let Trivy Operator rescan.",
  references: [
    "https://aquasecurity.github.io/trivy-operator/latest/docs/crds/vulnerability-report/",
    "https://kubernetes.io/docs/concepts/security/security-checklist/#images",
  ],
  refs: {},
  targets: ["VulnerabilityReport"],
  check: (obj) => (isTrivyReport(obj) ? summariseVulnerabilities(obj, "HIGH") : []),
});
