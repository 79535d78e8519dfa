import { describe, expect, it } from "vitest";
import { assessFramework, type AssessInput } from "./assess";
import { scoreOf } from "./score";
import type { Framework, RuleInfo } from "./types";

const rule = (id: string, cis: string[], extra: Partial<RuleInfo> = {}): RuleInfo => ({
  id, title: id, severity: "high", description: "", remediation: `fix ${id}`, refs: { cis }, type: "object", targets: ["Deployment"], ...extra,
});

const framework: Framework = {
  id: "cis-test", key: "cis", name: "Test", version: "1", source: "crafted",
  controls: [
    { id: "1", title: "node only", section: "1", assessable: "no", notes: "", assessedBy: "kube-bench" },
    { id: "2", title: "fails", section: "2", assessable: "yes", notes: "" },
    { id: "3", title: "passes", section: "2", assessable: "yes", notes: "" },
    { id: "4", title: "hidden by a gap", section: "2", assessable: "yes", notes: "" },
    { id: "5", title: "nothing to check", section: "2", assessable: "yes", notes: "" },
    { id: "6", title: "no rule", section: "2", assessable: "yes", notes: "" },
    { id: "7", title: "partly visible", section: "2", assessable: "partial", notes: "" },
  ],
};

const rules = [
  rule("R2", ["2"]),
  rule("R3", ["3"]),
  rule("R4", ["4"], { targets: ["NetworkPolicy"] }),
  rule("R5", ["5"], { targets: ["Ingress"] }),
  rule("R7", ["7"]),
];

const base = (over: Partial<AssessInput> = {}): AssessInput => ({
  framework,
  findings: [
    { ruleId: "R2", resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "a", name: "web" }, message: "m1" },
    { ruleId: "R2", resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "a", name: "web" }, message: "m2 (second container)" },
  ],
  rulesRun: ["R2", "R3", "R7"],
  coverageGaps: [{ kind: "NetworkPolicy", reason: "forbidden" }],
  scope: { resources: 3 },
  sources: { rules, detections: [] },
  now: new Date("2025-01-01T00:00:00Z"),
  ...over,
});

const statusOf = (input: AssessInput) => Object.fromEntries(assessFramework(input).controls.map((c) => [c.id, c.status]));

describe("assessFramework", () => {
  it("gives each status on crafted inputs", () => {
    expect(statusOf(base())).toEqual({
      "1": "not-assessable", "2": "fail", "3": "pass", "4": "partial", "5": "not-applicable", "6": "not-assessable", "7": "partial",
    });
  });

  it("lists a failing resource once per rule, with the contract's fields", () => {
    const c = assessFramework(base()).controls.find((x) => x.id === "2")!;
    expect(c.failing).toEqual([{ apiVersion: "apps/v1", kind: "Deployment", namespace: "a", name: "web", ruleId: "R2", message: "m1" }]);
    expect(c.rules).toEqual(["R2"]);
  });

  it("is partial when a mapped rule threw", () => {
    expect(statusOf(base({ rulesFailed: ["R3"] }))["3"]).toBe("partial");
  });

  it("says why a control is not assessed", () => {
    const controls = assessFramework(base()).controls;
    expect(controls.find((c) => c.id === "1")!.reason).toContain("kube-bench");
    expect(controls.find((c) => c.id === "4")!.reason).toContain("NetworkPolicy");
  });

  it("keeps cluster-scoped resources with an empty namespace", () => {
    const r = assessFramework(base({ findings: [{ ruleId: "R2", resource: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", name: "x" } }] }));
    expect(r.controls.find((c) => c.id === "2")!.failing[0].namespace).toBe("");
  });

  it("scores pass + half of partial over the assessed controls", () => {
    const r = assessFramework(base());
    // pass 1, fail 1, partial 2 -> (1 + 1) / 4
    expect(r.score).toBe(50);
    expect(r.summary).toMatchObject({ pass: 1, fail: 1, partial: 2, "not-assessable": 2, "not-applicable": 1, controls: 7, failingResources: 1 });
    expect(r.generatedAt).toBe("2025-01-01T00:00:00.000Z");
  });

  it("scores 0 when nothing could be assessed, and rounds to one decimal", () => {
    expect(scoreOf({ pass: 0, fail: 0, partial: 0, "not-assessable": 4, "not-applicable": 1 })).toBe(0);
    expect(scoreOf({ pass: 1, fail: 2, partial: 0, "not-assessable": 0, "not-applicable": 0 })).toBe(33.3);
    expect(scoreOf({ pass: 3, fail: 0, partial: 0, "not-assessable": 9, "not-applicable": 9 })).toBe(100);
  });

  it("uses detections only when audit events were analysed", () => {
    const mitre: Framework = { ...framework, id: "m", key: "mitre", controls: [{ id: "T1609", title: "exec", section: "Execution", assessable: "yes", notes: "" }] };
    const sources = { rules: [], detections: [{ id: "D1", title: "exec", refs: { mitre: ["T1609"] } }] };
    const run = (audit?: AssessInput["audit"]) => assessFramework(base({ framework: mitre, sources, findings: [], audit })).controls[0];
    expect(run().status).toBe("not-assessable");
    expect(run({ detectionsRun: ["D1"], fired: [] }).status).toBe("pass");
    expect(run({ detectionsRun: ["D1"], fired: ["D1"] }).status).toBe("fail");
  });
});
