import { match } from "ts-pattern";
import type { CatalogRule } from "../catalog";
import type { Severity } from "../types";
import type { ReportFinding, ScanReport } from "./report";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/** GitHub code scanning reads properties["security-severity"]: >= 9 critical, 7-8.9 high, 4-6.9 medium, below low. */
const securitySeverity = (s: Severity): string =>
  match(s)
    .with("critical", () => "9.5")
    .with("high", () => "8.0")
    .with("medium", () => "5.5")
    .with("low", () => "3.0")
    .with("info", () => "1.0")
    .exhaustive();

const levelOf = (s: Severity): "error" | "warning" | "note" =>
  match(s)
    .with("critical", "high", () => "error" as const)
    .with("medium", () => "warning" as const)
    .with("low", "info", () => "note" as const)
    .exhaustive();

/** SARIF wants a URI reference relative to the repository root: forward slashes, no "./", escaped. */
export const toArtifactUri = (file: string): string =>
  encodeURI(file.replace(/\\/g, "/").replace(/^(\.\/)+/, "")).replace(/[?#]/g, (c) => encodeURIComponent(c));

const refsText = (r: CatalogRule) =>
  Object.entries(r.refs)
    .map(([k, ids]) => `${k}: ${(ids ?? []).join(", ")}`)
    .join("; ");

const toSarifRule = (r: CatalogRule) => ({
  id: r.id,
  name: r.name,
  shortDescription: { text: r.title },
  fullDescription: { text: r.description },
  ...(r.references[0]?.startsWith("http") ? { helpUri: r.references[0] } : {}),
  help: {
    text: `${r.remediation}\n\nReferences: ${r.references.join(" ")}${refsText(r) ? `\nCovers: ${refsText(r)}` : ""}`,
    markdown: `**Remediation:** ${r.remediation}\n\n${r.references.map((u) => `- ${u}`).join("\n")}`,
  },
  defaultConfiguration: { level: levelOf(r.severity) },
  properties: {
    "security-severity": securitySeverity(r.severity),
    precision: "high",
    tags: ["security", "kubernetes", r.theme, ...Object.keys(r.refs).filter((k) => ["cis", "nsa", "pss", "mitre"].includes(k))],
    severity: r.severity,
  },
});

export type SarifOptions = {
  rules: readonly CatalogRule[];
  version: string;
  /** Where objects without a file (cluster scans) are said to live. */
  clusterName?: string;
  /** Maps a finding's file to the path SARIF should show (e.g. absolute -> relative to the repository root). */
  uriOf?: (file: string) => string;
  /**
   * For findings about objects that no file holds (e.g. a namespace that only appears in metadata.namespace):
   * where to point code scanning instead. Without it they get a synthetic "cluster/..." URI.
   */
  locate?: (f: ReportFinding) => { file: string; line?: number } | undefined;
};

const locationOf = (f: ReportFinding, clusterName: string, uriOf: (file: string) => string, locate: SarifOptions["locate"]) => {
  const at = f.resource.file ? { file: f.resource.file, line: f.resource.line } : locate?.(f);
  const uri = at
    ? toArtifactUri(uriOf(at.file))
    : toArtifactUri(`cluster/${clusterName}/${f.resource.namespace ?? "_cluster"}/${f.resource.kind}/${f.resource.name}`);
  return {
    physicalLocation: { artifactLocation: { uri }, region: { startLine: Math.max(1, at?.line ?? 1) } },
    logicalLocations: [
      {
        name: f.resource.name,
        fullyQualifiedName: [f.resource.namespace, f.resource.kind, f.resource.name].filter(Boolean).join("/"),
        kind: "resource",
      },
    ],
  };
};

/** SARIF 2.1.0 as GitHub code scanning accepts it; suppressed findings carry `suppressions`, a baseline sets baselineState. */
export const formatSarif = (report: ScanReport, opts: SarifOptions): string => {
  const rules = [...opts.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const newSet = report.new ? new Set(report.new) : undefined;
  const clusterName = opts.clusterName ?? "live";
  const uriOf = opts.uriOf ?? ((file: string) => file);
  const result = (f: ReportFinding, suppression?: { reason: string; source: string }) => ({
    ruleId: f.ruleId,
    ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
    level: levelOf(f.severity),
    message: { text: f.message },
    locations: [locationOf(f, clusterName, uriOf, opts.locate)],
    partialFingerprints: { "towerFinding/v1": f.fingerprint },
    properties: { severity: f.severity, evidence: f.evidence.map((e) => e.path), resource: f.resource },
    ...(newSet ? { baselineState: newSet.has(f) ? "new" : "unchanged" } : {}),
    ...(suppression ? { suppressions: [{ kind: "external", status: "accepted", justification: `${suppression.reason} (${suppression.source})` }] } : {}),
  });
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "Tower",
            semanticVersion: opts.version,
            version: opts.version,
            rules: rules.map(toSarifRule),
          },
        },
        columnKind: "utf16CodeUnits",
        results: [...report.findings.map((f) => result(f)), ...report.suppressed.map((s) => result(s, s.suppression))],
        invocations: [
          {
            executionSuccessful: report.ruleErrors.length === 0,
            toolExecutionNotifications: [
              ...report.errors.map((e) => ({
                level: "error",
                message: { text: e.message },
                locations: [{ physicalLocation: { artifactLocation: { uri: toArtifactUri(uriOf(e.file)) }, ...(e.line ? { region: { startLine: e.line } } : {}) } }],
              })),
              ...report.ruleErrors.map((e) => ({ level: "error", message: { text: `rule ${e.ruleId} failed on ${e.object ?? "the snapshot"}: ${e.message}` } })),
            ],
          },
        ],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
};
