import { describe, expect, it } from "vitest";
import { isEmptySelector, matchesSelector } from "./selectors";

const pod = { app: "web", tier: "frontend" };

describe("matchesSelector", () => {
  it("treats absent and empty selectors as select-all", () => {
    expect(matchesSelector(undefined, pod)).toBe(true);
    expect(matchesSelector({}, pod)).toBe(true);
    expect(matchesSelector({ matchLabels: {} }, undefined)).toBe(true);
    expect(isEmptySelector({ matchLabels: {}, matchExpressions: [] })).toBe(true);
    expect(isEmptySelector({ matchLabels: { app: "web" } })).toBe(false);
  });
  it("ANDs matchLabels", () => {
    expect(matchesSelector({ matchLabels: { app: "web" } }, pod)).toBe(true);
    expect(matchesSelector({ matchLabels: { app: "web", tier: "backend" } }, pod)).toBe(false);
    expect(matchesSelector({ matchLabels: { app: "web" } }, undefined)).toBe(false);
  });
  it.each([
    [{ key: "tier", operator: "In", values: ["frontend", "edge"] }, true],
    [{ key: "tier", operator: "In", values: ["backend"] }, false],
    [{ key: "missing", operator: "In", values: ["x"] }, false],
    [{ key: "tier", operator: "NotIn", values: ["backend"] }, true],
    [{ key: "tier", operator: "NotIn", values: ["frontend"] }, false],
    [{ key: "missing", operator: "NotIn", values: ["x"] }, true],
    [{ key: "app", operator: "Exists" }, true],
    [{ key: "missing", operator: "Exists" }, false],
    [{ key: "missing", operator: "DoesNotExist" }, true],
    [{ key: "app", operator: "DoesNotExist" }, false],
    [{ key: "app", operator: "Bogus" }, false],
  ])("matchExpressions %j -> %s", (req, expected) => {
    expect(matchesSelector({ matchExpressions: [req] }, pod)).toBe(expected);
  });
  it("ANDs matchLabels with matchExpressions", () => {
    expect(matchesSelector({ matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["backend"] }] }, pod)).toBe(false);
  });
  it("normalises Cilium-style keys", () => {
    expect(matchesSelector({ matchLabels: { "k8s:app": "web" } }, pod, (k) => k.replace(/^(k8s|any):/, ""))).toBe(true);
  });
});
