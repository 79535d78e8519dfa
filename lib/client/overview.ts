import { apiFetch } from "./api-client";
import type { TSeverityCounts } from "./clusters";

export type TFrameworkKey = "cis" | "nsa" | "pss" | "mitre";
export type TRange = "30" | "90";
export type TPostureSummary = {
  score: number;
  scoreFormula: string;
  counts: { pass: number; fail: number; partial: number; notAssessable: number; notApplicable: number };
  controls: number;
  failingResources: number;
  resources: number;
  generatedAt: string;
};
export type TTrendBucket = { start: string; end: string; opened: TSeverityCounts; resolved: TSeverityCounts };
export type TCoverageProblem = { clusterId: string; cluster: string; status: string; lastGoodScanAt: string | null; problems: Array<{ kind: "stale" | "status" | "credentials"; detail: string }> };

export type TOverview = {
  generatedAt: string;
  range: number;
  clusters: { total: number; scanned: number };
  posture: { framework: { key: TFrameworkKey; id: string; name: string }; current: TPostureSummary | null; trend: Array<{ day: string; score: number }> };
  findings: { bucketDays: number; buckets: TTrendBucket[]; totals: { opened: TSeverityCounts; resolved: TSeverityCounts }; recorded: boolean; openNow: TSeverityCounts };
  riskiestClusters: Array<{ id: string; name: string; environment: string; findings: TSeverityCounts; open: number; score: number | null }>;
  riskiestNamespaces: Array<{ clusterId: string; cluster: string; namespace: string; findings: TSeverityCounts; open: number }>;
  topRules: Array<{ ruleId: string; ruleName: string; title: string; severity: string; open: number }>;
  incidents: { count: number; items: Array<{ id: string; title: string; severity: string; status: string; principal: string; cluster: string; lastSeen: string }> };
  coverageProblems: TCoverageProblem[];
};

export const overviewKeys = {
  all: (orgId: string) => ["org", orgId, "overview"] as const,
  get: (orgId: string, range: TRange, framework: TFrameworkKey) => ["org", orgId, "overview", range, framework] as const,
};

export const fetchOverview = (range: TRange, framework: TFrameworkKey, signal?: AbortSignal) =>
  apiFetch<TOverview>(`/api/v1/overview?${new URLSearchParams({ range, framework })}`, { signal });
