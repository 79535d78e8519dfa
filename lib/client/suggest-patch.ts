import { parseDocument } from "yaml";
import { locateYamlPath, parsePath } from "./yaml-path";

export type TPatchSuggestion =
  | { kind: "patch"; summary: string; yaml: string; changedLines: number[] }
  | { kind: "advice"; summary: string };

type TFindingInput = { ruleName: string; evidence: Array<{ path: string; value?: unknown }>; objectYaml: string | null };

/** Rules whose fix is one field set to one safe value, wherever the evidence points. */
const FIELD_FIXES: Record<string, { field: string; value: boolean }> = {
  "privileged-container": { field: "privileged", value: false },
  "allow-privilege-escalation": { field: "allowPrivilegeEscalation", value: false },
  "run-as-non-root-not-set": { field: "runAsNonRoot", value: true },
  "readonly-root-filesystem": { field: "readOnlyRootFilesystem", value: true },
  "host-pid": { field: "hostPID", value: false },
  "host-network": { field: "hostNetwork", value: false },
  "host-ipc": { field: "hostIPC", value: false },
};

/** Server-set fields that do not belong in a manifest someone applies. */
const SERVER_FIELDS = [["status"], ["metadata", "uid"], ["metadata", "resourceVersion"], ["metadata", "creationTimestamp"], ["metadata", "generation"], ["metadata", "managedFields"]];

const IMAGE_RULES = new Set(["image-tag-latest-or-missing"]);

const pinAdvice = (evidence: TFindingInput["evidence"]): TPatchSuggestion | null => {
  const images = [...new Set(evidence.map((e) => e.value).filter((v): v is string => typeof v === "string"))];
  if (!images.length) return null;
  const lines = images.map((image) => {
    const repo = image.replace(/:latest$/, "");
    return `Pin '${image}' to the version you run today: ${repo}:<version>, or better ${repo}:<version>@sha256:<digest> (kubectl get pods -o jsonpath='{..imageID}' shows the digests running now).`;
  });
  return { kind: "advice", summary: lines.join("\n") };
};

/**
 * A suggested fix for findings whose remedy is mechanical: the object's YAML with the offending fields set to
 * their safe value (and the changed lines), or, for image tags, what to pin. Anything else gets null.
 */
export const suggestPatch = ({ ruleName, evidence, objectYaml }: TFindingInput): TPatchSuggestion | null => {
  if (IMAGE_RULES.has(ruleName)) return pinAdvice(evidence);
  const fix = FIELD_FIXES[ruleName];
  if (!fix || !objectYaml) return null;
  const paths = [...new Set(evidence.map((e) => e.path).filter((p) => p.split(".").at(-1) === fix.field))];
  if (!paths.length) return null;
  const doc = parseDocument(objectYaml);
  if (doc.errors.length) return null;
  for (const f of SERVER_FIELDS) doc.deleteIn(f);
  for (const p of paths) doc.setIn(parsePath(p).map((t) => ("key" in t ? t.key : t.index)), fix.value);
  const yaml = doc.toString({ lineWidth: 0 });
  const changedLines = paths.flatMap((p) => {
    const loc = locateYamlPath(yaml, p);
    return loc?.exact ? [loc.start] : [];
  });
  const where = paths.length === 1 ? paths[0] : `${paths.length} places`;
  return { kind: "patch", summary: `Set ${fix.field}: ${String(fix.value)} at ${where}.`, yaml, changedLines: [...new Set(changedLines)].sort((a, b) => a - b) };
};
