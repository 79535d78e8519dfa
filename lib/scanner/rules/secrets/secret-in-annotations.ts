import { defineSnapshotRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { redact } from "../../redact";
import type { Hit, K8sObject } from "../../types";
import { detectSecret } from "../../secret-detectors";
import { describeMatch, isRecord, keyPath } from "./_lib/helpers";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

const hasEntries = (v: unknown) => isRecord(v) && Object.keys(v).length > 0;

/** kubectl apply copies a Secret's whole manifest, data included, into this annotation: the values sit there in clear. */
const lastAppliedHoldsSecretData = (text: string): string | undefined => {
  if (!text.includes('"data"') && !text.includes('"stringData"')) return undefined;
  try {
    const applied: unknown = JSON.parse(text);
    if (!isRecord(applied)) return undefined;
    if (hasEntries(applied.stringData)) return "stringData";
    return hasEntries(applied.data) ? "data" : undefined;
  } catch {
    return undefined;
  }
};

const check = (obj: K8sObject): Hit[] => {
  const annotations = obj.metadata?.annotations;
  if (!isRecord(annotations)) return [];
  const hits: Hit[] = [];
  for (const [key, value] of Object.entries(annotations)) {
    if (typeof value !== "string") continue;
    const path = keyPath("metadata.annotations", key);
    if (obj.kind === "Secret" && key === LAST_APPLIED) {
      const field = lastAppliedHoldsSecretData(value);
      if (field)
        hits.push({ object: obj, path, value: redact(value), message: `${describeObject(obj)} keeps its ${field} in clear in annotation '${LAST_APPLIED}'` });
      continue;
    }
    const match = detectSecret(value, { keyName: key.split("/").pop() });
    if (match) hits.push({ object: obj, path, value: redact(value), message: `${describeObject(obj)} holds ${describeMatch(match)} in annotation '${key}'` });
  }
  return hits;
};

export default defineSnapshotRule({
  id: "TWR-0403",
  name: "secret-in-annotations",
  title: "Secret material in annotations",
  severity: "high",
  theme: "secrets",
  targets: ["Secret", "ConfigMap", "Deployment", "StatefulSet", "DaemonSet", "Pod", "Service", "Ingress", "ServiceAccount", "Job", "CronJob"],
  description:
    "Annotations are readable by anyone who can get the object, are copied by tooling, and are never encrypted. A Secret applied " +
    "with `kubectl apply` (client-side) carries its own data base64-encoded in kubectl.kubernetes.io/last-applied-configuration, " +
    "so RBAC that hides nothing from `get secrets` output still leaks the values to every backup and audit log of metadata; " +
    "other annotations sometimes hold tokens or URLs with passwords. Every object's annotations are checked.",
  remediation:
    "Re-create the Secret with server-side apply (`kubectl apply --server-side`) or `kubectl create secret`, or remove the " +
    "annotation (`kubectl annotate secret <name> kubectl.kubernetes.io/last-applied-configuration-`); move any other credential " +
    "out of annotations into a Secret, and rotate it.",
  references: [
    "https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/#how-apply-calculates-differences-and-merges-changes",
    "https://kubernetes.io/docs/reference/using-api/server-side-apply/",
  ],
  refs: {},
  check: (ctx) => ctx.snapshot.objects.flatMap((o) => (o.metadata?.annotations ? check(o) : [])),
});
