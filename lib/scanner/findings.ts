import type { Rule } from "./define-rule";
import { flat } from "./flat-string";
import type { Snapshot } from "./snapshot";
import type { Evidence, Finding, K8sObject, ResourceRef, Violation } from "./types";

const resourceRefOf = (obj: K8sObject, snapshot: Snapshot): ResourceRef => {
  const source = snapshot.sourceOf(obj);
  return {
    apiVersion: String(obj.apiVersion ?? ""),
    kind: String(obj.kind ?? ""),
    ...(obj.metadata?.namespace ? { namespace: String(obj.metadata.namespace) } : {}),
    name: String(obj.metadata?.name ?? ""),
    ...(source?.file ? { file: source.file } : {}),
    ...(source?.line ? { line: source.line } : {}),
  };
};

const evidenceAt = (path: string, value: unknown): Evidence => (value !== undefined ? { path, value } : { path });

/** One evidence path, and the evidence lists already built for it, by value. */
type PathEntry = { path: string; byValue: Map<unknown, Evidence[]> };

/**
 * Evidence repeats: the same path with no value or the same scalar value, on thousands of objects. Such lists
 * are built once and shared; a list with extra paths or an object value is the finding's own.
 */
const evidenceFactory = () => {
  const entries = new Map<string, PathEntry>();
  const entryOf = (path: string): PathEntry => {
    let entry = entries.get(flat(path));
    if (!entry) entries.set(path, (entry = { path, byValue: new Map() }));
    return entry;
  };
  return (v: Violation): Evidence[] => {
    const entry = entryOf(v.path);
    const value = flat(v.value);
    if (v.extraPaths?.length) return [evidenceAt(entry.path, value), ...v.extraPaths];
    if (typeof value === "object" && value !== null) return [evidenceAt(entry.path, value)];
    let shared = entry.byValue.get(value);
    if (!shared) entry.byValue.set(value, (shared = [evidenceAt(entry.path, value)]));
    return shared;
  };
};

/**
 * Builds findings that share what repeats: one resource per object, evidence lists, and the rule's own
 * remediation and refs. A large scan holds hundreds of thousands of findings at once.
 */
export const findingFactory = (snapshot: Snapshot) => {
  const resources = new Map<K8sObject, ResourceRef>();
  const resourceOf = (obj: K8sObject): ResourceRef => {
    let ref = resources.get(obj);
    if (!ref) resources.set(obj, (ref = resourceRefOf(obj, snapshot)));
    return ref;
  };
  const evidenceOf = evidenceFactory();
  return (rule: Rule, obj: K8sObject, v: Violation): Finding => ({
    ruleId: rule.id,
    ruleName: rule.name,
    title: rule.title,
    severity: rule.severity,
    theme: rule.theme,
    message: flat(v.message),
    resource: resourceOf(obj),
    evidence: evidenceOf(v),
    remediation: rule.remediation,
    refs: rule.refs,
  });
};
