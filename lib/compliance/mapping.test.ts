import { describe, expect, it } from "vitest";
import { FRAMEWORKS } from "./frameworks";
import { KNOWN_GAPS } from "./gaps";
import { mapFramework } from "./mapping";
import { fieldKeyOf } from "./pss-match";
import { registrySources } from "./sources";

const sources = registrySources();

describe("control mapping from the registries", () => {
  for (const framework of Object.values(FRAMEWORKS)) {
    it(`${framework.id}: every assessable control has a rule or detection, or is a listed gap`, () => {
      const mapping = mapFramework(framework, sources);
      const unmapped = framework.controls
        .filter((c) => c.assessable !== "no")
        .filter((c) => !mapping.get(c.id)!.rules.length && !mapping.get(c.id)!.detections.length)
        .map((c) => c.id);
      expect(unmapped.filter((id) => !KNOWN_GAPS[framework.id]?.[id])).toEqual([]);
    });

    it(`${framework.id}: a listed gap has no rule or detection yet (the list only shrinks)`, () => {
      const mapping = mapFramework(framework, sources);
      for (const id of Object.keys(KNOWN_GAPS[framework.id] ?? {})) {
        const m = mapping.get(id);
        expect(m, `gap ${id} is not a control of ${framework.id}`).toBeDefined();
        expect([...m!.rules, ...m!.detections], `gap ${id} is now covered: remove it from gaps.ts`).toEqual([]);
      }
    });
  }

  it("maps every CIS, NSA and MITRE id a rule or detection claims to a control", () => {
    const ids = (key: "cis" | "nsa" | "mitre") => new Set(FRAMEWORKS[key].controls.map((c) => c.id));
    const covered = (key: "cis" | "nsa" | "mitre", ref: string) => [...ids(key)].some((id) => ref === id || (key === "mitre" && ref.startsWith(`${id}.`)));
    const missing: string[] = [];
    for (const r of sources.rules) for (const key of ["cis", "nsa", "mitre"] as const) for (const ref of r.refs[key] ?? []) if (!covered(key, ref)) missing.push(`${r.id} ${key} ${ref}`);
    for (const d of sources.detections) for (const ref of d.refs.mitre) if (!covered("mitre", ref)) missing.push(`${d.id} mitre ${ref}`);
    expect(missing).toEqual([]);
  });

  it("links PSS controls to rules through the fields they restrict", () => {
    const m = mapFramework(FRAMEWORKS.pss, sources);
    const name = (id: string) => sources.rules.find((r) => r.id === id)!.title;
    expect(m.get("baseline/privileged-containers")!.rules.map(name)).toEqual(["Privileged container"]);
    expect(m.get("baseline/host-namespaces")!.rules).toHaveLength(3);
    expect(m.get("restricted/privilege-escalation")!.rules.map(name)).toEqual(["Privilege escalation allowed"]);
    // A baseline rule never assesses a restricted control, and the reverse.
    for (const c of FRAMEWORKS.pss.controls) for (const id of m.get(c.id)!.rules) expect(sources.rules.find((r) => r.id === id)!.refs.pss).toContain(c.section);
  });

  it("derives field keys that identify a field", () => {
    expect(fieldKeyOf("spec.containers[*].securityContext.privileged")).toBe("securityContext.privileged");
    expect(fieldKeyOf("spec.containers[*].securityContext.capabilities.add")).toBe("securityContext.capabilities");
    expect(fieldKeyOf("spec.securityContext.seccompProfile.type")).toBe("seccompProfile");
    expect(fieldKeyOf("(policy < v1.19: annotations ...)")).toBeUndefined();
  });

  it("counts detections only for MITRE", () => {
    const cis = mapFramework(FRAMEWORKS.cis, sources);
    expect([...cis.values()].every((m) => m.detections.length === 0)).toBe(true);
    expect(mapFramework(FRAMEWORKS.mitre, sources).get("T1611")!.detections.length).toBeGreaterThan(0);
  });
});
