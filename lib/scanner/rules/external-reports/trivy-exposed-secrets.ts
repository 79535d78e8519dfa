import { defineRule } from "../../define-rule";
import { clip, isRecord, isTrivyReport, reportBody, severityRank, str, trivyImage, trivySubject } from "./_shared/report";

export default defineRule({
  id: "TWR-1005",
  name: "trivy-exposed-secrets",
  title: "Secrets baked into an image (Trivy Operator)",
  severity: "high",
  theme: "external-reports",
  description:
    "Trivy Operator's ExposedSecretReport lists credentials (cloud keys, tokens, private keys) found in the files of a running image: " +
    "anyone who can pull the image can read them. The finding names the rule and file of each secret, never the secret itself.",
  remediation: "Revoke and rotate the exposed credentials, remove them from the image build (use build secrets, not files or ARGs), rebuild and redeploy.",
  references: [
    "https://aquasecurity.github.io/trivy-operator/latest/docs/crds/exposedsecret-report/",
    "https://kubernetes.io/docs/concepts/configuration/secret/",
  ],
  refs: { mitre: ["T1552"] },
  targets: ["ExposedSecretReport"],
  check: (obj) => {
    if (!isTrivyReport(obj)) return [];
    const report = reportBody(obj);
    // Only the rule, title and file are read: match/code hold the secret and are never copied.
    const found = (Array.isArray(report.secrets) ? report.secrets : [])
      .flatMap((s) => (isRecord(s) ? [{ rule: str(s.ruleID) ?? "secret", title: str(s.title), target: str(s.target), severity: String(s.severity ?? "").toUpperCase() }] : []))
      .sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
    if (!found.length) return [];
    const image = trivyImage(report);
    const list = found.slice(0, 5).map((s) => `${s.title ?? s.rule}${s.target ? ` in ${s.target}` : ""}`).join("; ");
    return [{
      path: "report.secrets",
      value: [...new Set(found.map((s) => s.rule))],
      message: clip(`Trivy Operator found ${found.length} secret${found.length > 1 ? "s" : ""}${image ? ` in image '${image}'` : ""} of ${trivySubject(obj)}: ${list}`, 600),
    }];
  },
});
