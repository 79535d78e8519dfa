import { defineRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { redact } from "../../redact";
import type { Violation } from "../../types";
import { detectSecret } from "../../secret-detectors";
import { describeMatch, isRecord, keyPath } from "./_lib/helpers";

/** binaryData is base64: decode what is text (config files, PEM) and skip true binaries. Bounded for cost. */
const decodeText = (b64: string): string | undefined => {
  try {
    const text = atob(b64.slice(0, 90_000).replace(/\s/g, ""));
    return /^[\x09\x0a\x0d\x20-\x7e]*$/.test(text.slice(0, 4096)) ? text : undefined;
  } catch {
    return undefined;
  }
};

export default defineRule({
  id: "TWR-0402",
  name: "secret-in-configmap",
  title: "Secret stored in a ConfigMap",
  severity: "high",
  theme: "secrets",
  targets: ["ConfigMap"],
  description:
    "ConfigMaps are not meant for confidential data: they are readable by anyone with get/list on configmaps (often granted " +
    "widely), shown in dashboards and logs, and never encrypted at rest by the encryption provider configured for Secrets. Tower " +
    "checks every data and binaryData value, including key=value, YAML and JSON pairs inside embedded config files; a key " +
    "named like a credential only lowers the bar for its value, and placeholders such as ${REDIS_PASSWORD} pass.",
  remediation:
    "Move the credential into a Secret (or an external secret manager) and mount it as a file; keep only non-secret settings " +
    "in the ConfigMap, then rotate the exposed credential.",
  references: [
    "https://kubernetes.io/docs/concepts/configuration/configmap/",
    "https://kubernetes.io/docs/concepts/security/secrets-good-practices/",
  ],
  refs: { ksv: ["KSV-0109", "KSV-01010"] },
  check: (obj) => {
    const out: Violation[] = [];
    const scan = (field: "data" | "binaryData", decode: (v: string) => string | undefined) => {
      const map = obj[field];
      if (!isRecord(map)) return;
      for (const [key, raw] of Object.entries(map)) {
        if (typeof raw !== "string") continue;
        const text = decode(raw);
        const hit = text === undefined ? undefined : detectSecret(text, { keyName: key });
        if (!hit) continue;
        out.push({
          path: keyPath(field, key),
          value: redact(raw),
          message: `${describeObject(obj)} holds ${describeMatch(hit)} in ${keyPath(field, key)}`,
        });
      }
    };
    scan("data", (v) => v);
    scan("binaryData", decodeText);
    return out;
  },
});
