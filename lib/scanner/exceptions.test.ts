import { describe, expect, it } from "vitest";
import { applyExceptions, ExceptionsFileError, expiryOf, globMatch, parseExceptionsFile } from "./exceptions";
import type { Finding, K8sObject } from "./types";

const NOW = new Date("2026-06-01T12:00:00Z");

const finding = (over: Partial<Finding["resource"]> = {}, ruleId = "TWR-0101", ruleName = "privileged-container"): Finding => ({
  ruleId,
  ruleName,
  title: "t",
  severity: "critical",
  theme: "pod-hardening",
  message: "m",
  resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web", ...over },
  evidence: [{ path: "spec.template.spec.containers[0].securityContext.privileged" }],
  remediation: "r",
  refs: {},
});

const deployment = (annotations: Record<string, string>, templateAnnotations?: Record<string, string>): K8sObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "shop", annotations },
  spec: { template: { metadata: { annotations: templateAnnotations }, spec: { containers: [{ name: "api" }] } } },
});

describe("parseExceptionsFile", () => {
  it("accepts the documented shape and a bare list", () => {
    const entry = { rule: "TWR-0101", resource: { kind: "Deployment", namespace: "shop", name: "web-*" }, reason: "vendor chart", expires: "2026-12-31" };
    expect(parseExceptionsFile({ exceptions: [entry] })).toEqual([entry]);
    expect(parseExceptionsFile([entry])).toEqual([entry]);
    expect(parseExceptionsFile(null)).toEqual([]);
  });

  it("names the bad entry and field", () => {
    const bad = { exceptions: [{ rule: "a", reason: "ok" }, { rule: "b", reason: "" }] };
    expect(() => parseExceptionsFile(bad)).toThrow(ExceptionsFileError);
    expect(() => parseExceptionsFile(bad)).toThrow(/exceptions\[1\]\.reason/);
    expect(() => parseExceptionsFile([{ rule: "a", reason: "x", expires: "soon" }])).toThrow(/exceptions\[0\]\.expires: not a date/);
    expect(() => parseExceptionsFile({ exceptions: [{ rule: "a", reason: "x", resource: { kind: "Pod", nmae: "x" } }] })).toThrow(/exceptions\[0\]\.resource/);
  });
});

describe("helpers", () => {
  it("globs are anchored and case-insensitive", () => {
    expect(globMatch("web-*", "web-1")).toBe(true);
    expect(globMatch("web-*", "my-web-1")).toBe(false);
    expect(globMatch("kube-?", "kube-a")).toBe(true);
    expect(globMatch("a.b", "aXb")).toBe(false);
  });
  it("a bare date lasts the whole day", () => {
    expect(expiryOf("2026-06-01")!.toISOString()).toBe("2026-06-01T23:59:59.999Z");
    expect(expiryOf("garbage")).toBeUndefined();
  });
});

describe("applyExceptions", () => {
  it("suppresses by file entry (id, name or glob) with the reason, and keeps the rest", () => {
    const findings = [finding(), finding({ name: "api" }), finding({ namespace: "other" })];
    const r = applyExceptions({
      findings,
      objects: [],
      now: NOW,
      entries: [{ rule: "privileged-container", resource: { namespace: "shop", name: "we*" }, reason: "needs host access" }],
    });
    expect(r.suppressed.map((f) => [f.resource.name, f.suppression])).toEqual([["web", { source: "exceptions-file", reason: "needs host access", entry: 0 }]]);
    expect(r.findings).toHaveLength(2);
    expect(r.expired).toEqual([]);
  });

  it("matches aliases through the registry", () => {
    const rules = [{ id: "TWR-0101", aliases: ["old-name"] }] as never;
    const r = applyExceptions({ findings: [finding()], objects: [], now: NOW, rules, entries: [{ rule: "old-name", reason: "x" }] });
    expect(r.suppressed).toHaveLength(1);
  });

  it("expired entries stop applying and are reported with what they would have matched", () => {
    const r = applyExceptions({ findings: [finding()], objects: [], now: NOW, entries: [{ rule: "TWR-0101", reason: "temp", expires: "2026-05-31" }] });
    expect(r.findings).toHaveLength(1);
    expect(r.suppressed).toEqual([]);
    expect(r.expired).toEqual([{ source: "exceptions-file", rule: "TWR-0101", reason: "temp", expires: "2026-05-31", entry: 0, resource: undefined, findings: 1 }]);
  });

  it("an entry expiring today still applies", () => {
    const r = applyExceptions({ findings: [finding()], objects: [], now: NOW, entries: [{ rule: "TWR-0101", reason: "temp", expires: "2026-06-01" }] });
    expect(r.suppressed).toHaveLength(1);
  });

  it("reports entries in force that matched nothing", () => {
    const r = applyExceptions({ findings: [finding()], objects: [], now: NOW, entries: [{ rule: "TWR-9999", reason: "stale" }] });
    expect(r.unused).toEqual([{ entry: 0, rule: "TWR-9999" }]);
  });

  it("honours tower.dev/ignore on the object and on its pod template", () => {
    for (const obj of [
      deployment({ "tower.dev/ignore": "TWR-0200, privileged-container", "tower.dev/ignore-reason": "CNI agent" }),
      deployment({}, { "tower.dev/ignore": "TWR-0101", "tower.dev/ignore-reason": "CNI agent" }),
    ]) {
      const r = applyExceptions({ findings: [finding(), finding({}, "TWR-0300", "other")], objects: [obj], now: NOW, entries: [] });
      expect(r.suppressed.map((f) => [f.ruleId, f.suppression.reason, f.suppression.source])).toEqual([["TWR-0101", "CNI agent", "annotation"]]);
      expect(r.findings.map((f) => f.ruleId)).toEqual(["TWR-0300"]);
    }
  });

  it("an annotation without a reason still suppresses, and says so", () => {
    const r = applyExceptions({ findings: [finding()], objects: [deployment({ "tower.dev/ignore": "*" })], now: NOW, entries: [] });
    expect(r.suppressed[0].suppression.reason).toMatch(/no reason given/);
  });

  it("an expired or unreadable ignore-until stops the annotation and is reported", () => {
    for (const until of ["2026-01-01", "someday"]) {
      const obj = deployment({ "tower.dev/ignore": "TWR-0101", "tower.dev/ignore-until": until, "tower.dev/ignore-reason": "temp" });
      const r = applyExceptions({ findings: [finding()], objects: [obj], now: NOW, entries: [] });
      expect(r.findings).toHaveLength(1);
      expect(r.expired).toEqual([
        { source: "annotation", rule: "TWR-0101", reason: "temp", expires: until, resource: { kind: "Deployment", namespace: "shop", name: "web" }, findings: 1 },
      ]);
    }
  });

  it("never drops a finding: active + suppressed = input", () => {
    const findings = Array.from({ length: 20 }, (_, i) => finding({ name: `web-${i}` }));
    const r = applyExceptions({ findings, objects: [], now: NOW, entries: [{ rule: "*", resource: { name: "web-1*" }, reason: "x" }] });
    expect(r.findings.length + r.suppressed.length).toBe(20);
    expect(r.suppressed).toHaveLength(11);
  });
});
