import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer } from "../../pod-spec";
import type { Violation } from "../../types";
import { asArray, isRecord } from "./_lib/helpers";

export default definePodRule({
  id: "TWR-0405",
  name: "secret-as-env-var",
  title: "Secret consumed as an environment variable",
  severity: "low",
  theme: "secrets",
  description:
    "Secrets exposed as environment variables leak more easily than mounted files: they are inherited by every child process, " +
    "dumped in crash reports and debug endpoints, shown by `kubectl describe`-style tooling of the running process, and never " +
    "updated when the Secret rotates. Both env[].valueFrom.secretKeyRef and envFrom[].secretRef are reported (CIS 5.4.1).",
  remediation:
    "Mount the Secret as a volume (secret.secretName, optionally with items and defaultMode 0400) and have the application read " +
    "the file; most images accept a *_FILE variant of the variable (e.g. POSTGRES_PASSWORD_FILE).",
  references: [
    "https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod",
    "https://kubernetes.io/docs/concepts/security/secrets-good-practices/",
  ],
  refs: { kubescape: ["C-0207"], cis: ["5.4.1"], checkov: ["CKV_K8S_35"] },
  check: (obj, pod) => {
    const out: Violation[] = [];
    for (const c of containersOf(pod)) {
      asArray(c.container.env).forEach((e, i) => {
        const env = (isRecord(e) ? e : {}) as { name?: unknown; valueFrom?: unknown };
        const ref = isRecord(env.valueFrom) ? env.valueFrom.secretKeyRef : undefined;
        if (!isRecord(ref)) return;
        out.push({
          path: `${c.path}.env[${i}].valueFrom.secretKeyRef`,
          value: { name: ref.name, key: ref.key },
          message: `${describeContainer(obj, c)} reads Secret '${String(ref.name ?? "?")}' key '${String(ref.key ?? "?")}' into env var '${String(env.name ?? "?")}'`,
        });
      });
      asArray(c.container.envFrom).forEach((from, i) => {
        const ref = isRecord(from) ? from.secretRef : undefined;
        if (!isRecord(ref)) return;
        out.push({
          path: `${c.path}.envFrom[${i}].secretRef`,
          value: { name: ref.name },
          message: `${describeContainer(obj, c)} loads every key of Secret '${String(ref.name ?? "?")}' as env vars (envFrom[${i}].secretRef)`,
        });
      });
    }
    return out;
  },
});
