import type { Rule } from "../../define-rule";

/** Findings read from reports other tools wrote into the cluster (Trivy Operator, PolicyReport, Gatekeeper). */
export const externalReportRules: Rule[] = [];
