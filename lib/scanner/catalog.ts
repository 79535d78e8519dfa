import type { Rule } from "./define-rule";
import type { Refs, Severity, Theme } from "./types";

/** The short themes the CLI contract shows (shared/spec/cli-contract.md); the library's themes are longer. */
export const CLI_THEMES: Record<Theme, string> = {
  "pod-hardening": "workload",
  "images-supply-chain": "images",
  secrets: "secrets",
  "rbac-api-access": "rbac",
  "network-policy": "network",
  ingress: "ingress",
  istio: "istio",
  "operators-webhooks": "operators",
  "cluster-version-cves": "cluster",
  "external-reports": "reports",
};

export const cliTheme = (theme: Theme): string => CLI_THEMES[theme] ?? theme;

/** Keys a rule's `refs` may use: peers and frameworks, as in the CLI contract. */
export const REF_KEYS = ["ksv", "kubescape", "cis", "polaris", "checkov", "istio", "kubescore", "kubeaudit", "pss", "nsa", "mitre"] as const;

/** The frameworks whose controls a rule can claim through its refs. */
export const FRAMEWORK_KEYS = ["cis", "nsa", "pss", "mitre"] as const;
export type FrameworkKey = (typeof FRAMEWORK_KEYS)[number];

export type CatalogRule = {
  id: string;
  name: string;
  title: string;
  severity: Severity;
  /** Short theme, as the CLI contract writes it. */
  theme: string;
  /** The library's theme (lib/scanner/types.ts THEMES). */
  libraryTheme: Theme;
  type: Rule["type"];
  targets: string[];
  description: string;
  remediation: string;
  references: string[];
  refs: Refs;
  maturity: "stable" | "incubating" | "deprecated";
  aliases: string[];
};

/** framework -> control id -> rule ids that assess it. */
export type Coverage = Record<FrameworkKey, Record<string, string[]>>;

export type Catalog = { rules: CatalogRule[]; coverage: Coverage };

const cleanRefs = (refs: Refs): Refs => {
  const out: Refs = {};
  for (const key of REF_KEYS) {
    const ids = refs[key];
    if (Array.isArray(ids) && ids.length) out[key] = [...ids];
  }
  return out;
};

export const toCatalogRule = (rule: Rule): CatalogRule => ({
  id: rule.id,
  title: rule.title,
  severity: rule.severity,
  theme: cliTheme(rule.theme),
  refs: cleanRefs(rule.refs ?? {}),
  name: rule.name,
  description: rule.description,
  remediation: rule.remediation,
  references: [...rule.references],
  libraryTheme: rule.theme,
  type: rule.type,
  targets: rule.type === "pod" ? ["<workloads>"] : [...rule.targets],
  maturity: rule.maturity ?? "stable",
  aliases: [...(rule.aliases ?? [])],
});

const compareControls = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

export const coverageOf = (rules: readonly Rule[]): Coverage => {
  const coverage = Object.fromEntries(FRAMEWORK_KEYS.map((k) => [k, {}])) as Coverage;
  for (const rule of rules) {
    if (rule.maturity === "deprecated") continue;
    for (const fw of FRAMEWORK_KEYS) {
      for (const control of rule.refs?.[fw] ?? []) (coverage[fw][control] ??= []).push(rule.id);
    }
  }
  for (const fw of FRAMEWORK_KEYS) {
    const sorted = Object.keys(coverage[fw]).sort(compareControls);
    coverage[fw] = Object.fromEntries(sorted.map((c) => [c, [...new Set(coverage[fw][c])].sort()]));
  }
  return coverage;
};

/** The rules as data, in id order, plus the framework coverage they give. */
export const buildCatalog = (rules: readonly Rule[]): Catalog => ({
  rules: rules.map(toCatalogRule).sort((a, b) => a.id.localeCompare(b.id)),
  coverage: coverageOf(rules),
});

/** Finds a rule by id, name or alias. */
export const findRule = (rules: readonly Rule[], key: string): Rule | undefined =>
  rules.find((r) => r.id === key || r.name === key || (r.aliases ?? []).includes(key));
