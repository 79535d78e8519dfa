import { describe, expect, it } from "vitest";
import { toPolicyReports, type PolicyReportFinding } from "./policy-report";

const finding = (ruleId: string, namespace?: string, kind = "Deployment"): PolicyReportFinding => ({
  ruleId, ruleName: `rule-${ruleId}`, severity: "high", theme: "pod-hardening", message: `${ruleId} fails`,
  resource: { apiVersion: kind === "Deployment" ? "apps/v1" : "rbac.authorization.k8s.io/v1", kind, ...(namespace ? { namespace } : {}), name: `obj-${ruleId}` },
});

describe("toPolicyReports", () => {
  const reports = toPolicyReports([finding("TWR-0101", "b"), finding("TWR-0105", "a"), finding("TWR-0111", "a"), finding("TWR-0301", undefined, "ClusterRoleBinding")], new Date("2025-06-01T00:00:00Z"));

  it("writes one PolicyReport per namespace and a ClusterPolicyReport for cluster-scoped resources", () => {
    expect(reports.map((r) => [r.kind, r.metadata.namespace])).toEqual([["PolicyReport", "a"], ["PolicyReport", "b"], ["ClusterPolicyReport", undefined]]);
    for (const r of reports) expect(r.apiVersion).toBe("wgpolicyk8s.io/v1alpha2");
  });

  it("has results with policy = rule id, rule, fail, severity, category and resource refs", () => {
    expect(reports[0].results[0]).toMatchObject({
      source: "tower", policy: "TWR-0105", rule: "rule-TWR-0105", result: "fail", severity: "high", category: "pod-hardening",
      resources: [{ apiVersion: "apps/v1", kind: "Deployment", namespace: "a", name: "obj-TWR-0105" }],
      timestamp: { seconds: 1748736000, nanos: 0 },
    });
    expect(reports[2].results[0].resources[0]).not.toHaveProperty("namespace");
  });

  it("counts the results in the summary", () => {
    expect(reports.map((r) => r.summary)).toEqual([
      { pass: 0, fail: 2, warn: 0, error: 0, skip: 0 },
      { pass: 0, fail: 1, warn: 0, error: 0, skip: 0 },
      { pass: 0, fail: 1, warn: 0, error: 0, skip: 0 },
    ]);
  });

  it("writes nothing for no findings", () => {
    expect(toPolicyReports([], new Date(0))).toEqual([]);
  });
});
