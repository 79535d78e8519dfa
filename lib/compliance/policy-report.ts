import type { Severity } from "../scanner/types";

/** What a PolicyReport result needs from a scanner finding (lib/scanner Finding satisfies it). */
export type PolicyReportFinding = {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  theme: string;
  message: string;
  resource: { apiVersion: string; kind: string; namespace?: string; name: string };
};

export type PolicyReportResult = {
  source: "tower";
  policy: string;
  rule: string;
  result: "fail";
  severity: Severity;
  category: string;
  message: string;
  scored: true;
  timestamp: { seconds: number; nanos: number };
  resources: Array<{ apiVersion: string; kind: string; namespace?: string; name: string }>;
};

export type PolicyReportSummary = { pass: number; fail: number; warn: number; error: number; skip: number };

export type PolicyReportObject = {
  apiVersion: "wgpolicyk8s.io/v1alpha2";
  kind: "PolicyReport" | "ClusterPolicyReport";
  metadata: { name: string; namespace?: string; labels: Record<string, string> };
  summary: PolicyReportSummary;
  results: PolicyReportResult[];
};

const LABELS = { "app.kubernetes.io/managed-by": "tower" };

const toResult = (f: PolicyReportFinding, timestamp: PolicyReportResult["timestamp"]): PolicyReportResult => ({
  source: "tower",
  policy: f.ruleId,
  rule: f.ruleName,
  result: "fail",
  severity: f.severity,
  category: f.theme,
  message: f.message,
  scored: true,
  timestamp: { ...timestamp },
  resources: [{ apiVersion: f.resource.apiVersion, kind: f.resource.kind, ...(f.resource.namespace ? { namespace: f.resource.namespace } : {}), name: f.resource.name }],
});

const report = (namespace: string | undefined, results: PolicyReportResult[]): PolicyReportObject => ({
  apiVersion: "wgpolicyk8s.io/v1alpha2",
  kind: namespace ? "PolicyReport" : "ClusterPolicyReport",
  metadata: namespace ? { name: "tower-scan", namespace, labels: LABELS } : { name: "tower-scan-cluster", labels: LABELS },
  // Tower reports what failed; rules that passed have no per-resource result, so only `fail` is counted.
  summary: { pass: 0, fail: results.length, warn: 0, error: 0, skip: 0 },
  results,
});

/**
 * Findings as wgpolicyk8s.io/v1alpha2 reports: one PolicyReport per namespace, and one ClusterPolicyReport for
 * cluster-scoped resources (only when there are some), in namespace order.
 */
export const toPolicyReports = (findings: readonly PolicyReportFinding[], now: Date): PolicyReportObject[] => {
  const timestamp = { seconds: Math.floor(now.getTime() / 1000), nanos: 0 };
  const byNamespace = new Map<string, PolicyReportResult[]>();
  for (const f of findings) {
    const ns = f.resource.namespace ?? "";
    const list = byNamespace.get(ns) ?? [];
    list.push(toResult(f, timestamp));
    byNamespace.set(ns, list);
  }
  const namespaces = [...byNamespace.keys()].sort();
  return namespaces.map((ns) => report(ns || undefined, byNamespace.get(ns)!)).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "ClusterPolicyReport" ? 1 : -1));
};
