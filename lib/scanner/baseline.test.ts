import { describe, expect, it } from "vitest";
import { BaselineFileError, compareWithBaseline, fingerprintOf, parseBaseline } from "./baseline";

const f = (name: string, path = "spec.x", ruleId = "TWR-0101", apiVersion = "apps/v1") => ({
  ruleId,
  message: `msg ${name}`,
  resource: { apiVersion, kind: "Deployment", namespace: "shop", name },
  evidence: [{ path }],
});

describe("fingerprintOf", () => {
  it("is stable across apiVersion and message changes, and differs by rule, object and path", () => {
    expect(fingerprintOf(f("web"))).toBe(fingerprintOf({ ...f("web", "spec.x", "TWR-0101", "apps/v1beta2"), message: "reworded" } as never));
    expect(fingerprintOf(f("web"))).not.toBe(fingerprintOf(f("web", "spec.y")));
    expect(fingerprintOf(f("web"))).not.toBe(fingerprintOf(f("api")));
    expect(fingerprintOf(f("web"))).not.toBe(fingerprintOf(f("web", "spec.x", "TWR-0102")));
    expect(fingerprintOf(f("web"))).toMatch(/^[0-9a-f]{14}$/);
  });
});

describe("compareWithBaseline", () => {
  it("splits into new, fixed and unchanged", () => {
    const r = compareWithBaseline([f("web"), f("new")], [f("web"), f("gone")]);
    expect(r.new.map((x) => x.resource.name)).toEqual(["new"]);
    expect(r.fixed.map((x) => x.resource.name)).toEqual(["gone"]);
    expect(r.unchanged).toBe(1);
  });

  it("counts duplicates as a multiset", () => {
    const r = compareWithBaseline([f("web"), f("web")], [f("web")]);
    expect(r.new).toHaveLength(1);
    expect(r.unchanged).toBe(1);
  });

  it("tolerates baseline findings without evidence", () => {
    const r = compareWithBaseline([{ ...f("web"), evidence: [] }], parseBaseline({ findings: [{ ruleId: "TWR-0101", resource: { kind: "Deployment", namespace: "shop", name: "web" } }] }));
    expect(r.new).toEqual([]);
  });
});

describe("parseBaseline", () => {
  it("accepts an earlier scan result and rejects anything else", () => {
    expect(parseBaseline({ findings: [f("web")], summary: {} })).toHaveLength(1);
    expect(() => parseBaseline({ rules: [] })).toThrow(BaselineFileError);
    expect(() => parseBaseline({ findings: [{ ruleId: "x" }] })).toThrow(/findings\[0\]\.resource/);
  });
});
