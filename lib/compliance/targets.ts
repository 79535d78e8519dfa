import { WORKLOAD_CONTROLLER_KINDS } from "../scanner/pod-spec";
import type { CoverageGap, RuleInfo } from "./types";

const POD_RULE_KINDS = ["Pod", ...WORKLOAD_CONTROLLER_KINDS];

/** Kinds a rule reads: pod rules read every workload kind. */
export const kindsReadBy = (rule: RuleInfo): readonly string[] => (rule.type === "pod" ? POD_RULE_KINDS : (rule.targets ?? []));

const pluralsOf = (kind: string): string[] => {
  const k = kind.toLowerCase();
  if (k.endsWith("y")) return [`${k.slice(0, -1)}ies`];
  if (/(s|x|ch|sh)$/.test(k)) return [`${k}es`];
  return [`${k}s`];
};

/** Collection reports resources (`networkpolicies.networking.k8s.io`); rules name kinds. */
export const kindOfResource = (resource: string, knownKinds: Iterable<string>): string | undefined => {
  const plural = resource.split(".")[0].toLowerCase();
  for (const kind of knownKinds) if (pluralsOf(kind).includes(plural)) return kind;
  return undefined;
};

/** The coverage gaps that hide objects a rule needs. */
export const gapsFor = (rule: RuleInfo, gaps: readonly CoverageGap[]): CoverageGap[] => {
  const kinds = new Set(kindsReadBy(rule));
  return gaps.filter((g) => kinds.has(g.kind));
};
