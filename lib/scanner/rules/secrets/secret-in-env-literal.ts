import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer } from "../../pod-spec";
import { redact } from "../../redact";
import type { Violation } from "../../types";
import { detectSecret } from "../../secret-detectors";
import { asArray, describeMatch, isRecord } from "./_lib/helpers";

export default definePodRule({
  id: "TWR-0401",
  name: "secret-in-env-literal",
  title: "Secret written as a literal environment variable",
  severity: "high",
  theme: "secrets",
  description:
    "A credential written into env[].value is stored in clear in the workload spec: anyone who can read the Deployment (or its " +
    "last-applied annotation, Git history, Helm release) reads the secret, and rotating it means redeploying. Tower reports a " +
    "value only when the value itself looks like a credential (known token formats, PEM keys, URLs with passwords, high entropy); " +
    "a credential-like name such as DB_PASSWORD only lowers the entropy bar, it never fires alone, and placeholders like ${DB_PASSWORD} pass.",
  remediation:
    "Move the value into a Secret (ideally synced from a secret manager) and mount it as a file, or reference it with " +
    "env[].valueFrom.secretKeyRef; then rotate the exposed credential.",
  references: [
    "https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables",
    "https://kubernetes.io/docs/concepts/security/secrets-good-practices/",
  ],
  refs: {},
  check: (obj, pod) => {
    const out: Violation[] = [];
    for (const c of containersOf(pod)) {
      asArray(c.container.env).forEach((e, i) => {
        const env = (isRecord(e) ? e : {}) as { name?: unknown; value?: unknown };
        if (typeof env.value !== "string") return;
        const hit = detectSecret(env.value, { keyName: typeof env.name === "string" ? env.name : undefined });
        if (!hit) return;
        out.push({
          path: `${c.path}.env[${i}].value`,
          value: redact(env.value),
          message: `${describeContainer(obj, c)} sets env[${i}] '${String(env.name ?? "?")}' to a literal ${describeMatch(hit)}`,
        });
      });
    }
    return out;
  },
});
