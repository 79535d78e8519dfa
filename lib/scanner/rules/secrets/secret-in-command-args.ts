import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer } from "../../pod-spec";
import { redact } from "../../redact";
import type { Violation } from "../../types";
import { detectSecret, type SecretMatch } from "../../secret-detectors";
import { describeMatch } from "./_lib/helpers";

const FLAG_WITH_VALUE = /^(--?[A-Za-z][\w.-]*)=(.+)$/s;
const FLAG = /^--?[A-Za-z][\w.-]*$/;

/** `--password=x`, `--password x`, or a credential anywhere in the item (URLs, tokens, `sh -c` scripts). */
const inspect = (items: unknown[], i: number): SecretMatch | undefined => {
  const item = items[i];
  if (typeof item !== "string") return undefined;
  const withValue = FLAG_WITH_VALUE.exec(item);
  if (withValue) return detectSecret(withValue[2], { keyName: withValue[1] });
  const previous = items[i - 1];
  if (typeof previous === "string" && FLAG.test(previous)) {
    const hit = detectSecret(item, { keyName: previous });
    if (hit) return hit;
  }
  return detectSecret(item);
};

export default definePodRule({
  id: "TWR-0404",
  name: "secret-in-command-args",
  title: "Secret passed on the container command line",
  severity: "medium",
  theme: "secrets",
  description:
    "Credentials in command or args are stored in clear in the workload spec and are visible to anyone on the node through " +
    "the process list (/proc/<pid>/cmdline) and in many logging and monitoring tools. Tower reports a flag or argument whose " +
    "value looks like a credential (token formats, private keys, URLs with passwords, high entropy; a --password style flag " +
    "lowers the bar); $(VAR) references to environment variables pass.",
  remediation:
    "Pass the credential through a mounted Secret file (most tools accept --password-file or a config file), or at least " +
    "through an env var from secretKeyRef referenced as $(VAR); then rotate the exposed credential.",
  references: [
    "https://kubernetes.io/docs/concepts/security/secrets-good-practices/",
    "https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#use-environment-variables-to-define-arguments",
  ],
  refs: {},
  check: (obj, pod) => {
    const out: Violation[] = [];
    for (const c of containersOf(pod)) {
      for (const field of ["command", "args"] as const) {
        const items = c.container[field];
        if (!Array.isArray(items)) continue;
        items.forEach((item, i) => {
          const hit = inspect(items, i);
          if (!hit) return;
          out.push({
            path: `${c.path}.${field}[${i}]`,
            value: redact(item),
            message: `${describeContainer(obj, c)} passes ${describeMatch(hit)} in ${field}[${i}]`,
          });
        });
      }
    }
    return out;
  },
});
