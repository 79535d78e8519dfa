import { DETECTIONS } from "../audit/detections";
import { RULES } from "../scanner/rules";
import type { MappingSources } from "./mapping";

/** The shipped rule and detection registries, as the mapping reads them. */
export const registrySources = (): MappingSources => ({
  rules: RULES.map((r) => ({
    id: r.id,
    title: r.title,
    severity: r.severity,
    description: r.description,
    remediation: r.remediation,
    refs: r.refs,
    type: r.type,
    targets: r.type === "pod" ? undefined : r.targets,
    maturity: r.maturity,
  })),
  detections: DETECTIONS.map((d) => ({ id: d.id, title: d.title, refs: { mitre: [...d.refs.mitre] } })),
});
