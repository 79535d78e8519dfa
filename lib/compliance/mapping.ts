import { pssRulesFor } from "./pss-match";
import type { Control, ControlMapping, DetectionInfo, Framework, RuleInfo } from "./types";

export type MappingSources = { rules: readonly RuleInfo[]; detections: readonly DetectionInfo[] };

/** ATT&CK ids: a sub-technique (T1552.007) also counts for its parent technique (T1552). */
const coversTechnique = (ref: string, control: string) => ref === control || ref.startsWith(`${control}.`);

const sameId = (a: string, b: string) => a.replace(/[^a-z0-9.]/gi, "").toLowerCase() === b.replace(/[^a-z0-9.]/gi, "").toLowerCase();

const rulesFor = (framework: Framework, control: Control, rules: readonly RuleInfo[]): string[] => {
  switch (framework.key) {
    case "cis":
      return rules.filter((r) => (r.refs.cis ?? []).some((id) => sameId(id, control.id))).map((r) => r.id);
    case "nsa":
      // The C-xxxx controls are Kubescape's own controls of its NSA framework: a rule claiming the Kubescape id checks them.
      return rules
        .filter((r) => [...(r.refs.nsa ?? []), ...(control.id.startsWith("C-") ? (r.refs.kubescape ?? []) : [])].some((id) => sameId(id, control.id)))
        .map((r) => r.id);
    case "pss":
      return pssRulesFor(control, rules);
    case "mitre":
      return rules.filter((r) => (r.refs.mitre ?? []).some((id) => coversTechnique(id, control.id))).map((r) => r.id);
  }
};

const detectionsFor = (framework: Framework, control: Control, detections: readonly DetectionInfo[]): string[] =>
  framework.key === "mitre" ? detections.filter((d) => d.refs.mitre.some((id) => coversTechnique(id, control.id))).map((d) => d.id) : [];

/** control id -> the rules and detections that assess it, read from the registries' refs (never a table of rule ids). */
export const mapFramework = (framework: Framework, sources: MappingSources): Map<string, ControlMapping> => {
  const live = sources.rules.filter((r) => r.maturity !== "deprecated");
  const out = new Map<string, ControlMapping>();
  for (const control of framework.controls) {
    if (control.assessable === "no") {
      out.set(control.id, { rules: [], detections: [] });
      continue;
    }
    out.set(control.id, {
      rules: [...new Set(rulesFor(framework, control, live))].sort(),
      detections: [...new Set(detectionsFor(framework, control, sources.detections))].sort(),
    });
  }
  return out;
};
