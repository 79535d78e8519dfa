import type { Rule } from "../../define-rule";
import gatekeeperViolations from "./gatekeeper-violations";
import policyReportFailures from "./policy-report-failures";
import trivyConfigAudit from "./trivy-config-audit";
import trivyExposedSecrets from "./trivy-exposed-secrets";
import trivyRbacAssessment from "./trivy-rbac-assessment";
import trivyVulnerabilitiesCritical from "./trivy-vulnerabilities-critical";
import trivyVulnerabilitiesHigh from "./trivy-vulnerabilities-high";

/** Findings read from reports other tools wrote into the cluster (Trivy Operator, PolicyReport, Gatekeeper). */
export const externalReportRules: Rule[] = [
  trivyVulnerabilitiesCritical,
  trivyVulnerabilitiesHigh,
  trivyConfigAudit,
  trivyRbacAssessment,
  trivyExposedSecrets,
  policyReportFailures,
  gatekeeperViolations,
];
