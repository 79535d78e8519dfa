import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeEvents } from "./analyze";
import { DETECTIONS } from "./detections";
import { normalizeText } from "./normalize";

const loadFixture = (file: string) => normalizeText(fs.readFileSync(file, "utf8"), { file, idPrefix: path.basename(file) });
const FIXTURES_ROOT = path.join(import.meta.dirname, "detections");
const fixtureCases = (tactic: string, name: string, kind: "fire" | "pass"): string[] => {
  const dir = path.join(FIXTURES_ROOT, tactic, "__fixtures__", name, kind);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort().map((f) => path.join(dir, f));
};

const only = process.env.TOWER_DETECTION;
const selected = DETECTIONS.filter((d) => !only || d.id === only || d.name === only);

type Expect = { count?: number; severity?: string; messageIncludes?: string };

describe.each(selected.map((d) => [`${d.id} ${d.name}`, d] as const))("%s", (_label, detection) => {
  const fire = fixtureCases(detection.tactic, detection.name, "fire");
  const pass = fixtureCases(detection.tactic, detection.name, "pass");

  it("has at least one fire and one pass fixture", () => {
    expect(fire.length).toBeGreaterThan(0);
    expect(pass.length).toBeGreaterThan(0);
  });

  it.each(fire.map((f) => [path.basename(f), f]))("fires on %s", (_name, file) => {
    const { events, rejected } = loadFixture(file);
    expect(rejected).toEqual([]);
    const hits = analyzeEvents(events, { detections: [detection] }).detections;
    expect(hits.length, `no ${detection.id} detection`).toBeGreaterThan(0);
    const expectFile = file.replace(/\.jsonl$/, ".expect.json");
    if (fs.existsSync(expectFile)) {
      const want = JSON.parse(fs.readFileSync(expectFile, "utf8")) as Expect;
      if (want.count !== undefined) expect(hits).toHaveLength(want.count);
      if (want.severity) expect(hits.map((h) => h.severity)).toContain(want.severity);
      if (want.messageIncludes) expect(hits.map((h) => h.message).join("\n")).toContain(want.messageIncludes);
    }
    for (const h of hits) {
      expect(h.message.length).toBeGreaterThan(10);
      expect(h.auditIDs.length).toBeGreaterThan(0);
    }
  });

  it.each(pass.map((f) => [path.basename(f), f]))("stays quiet on %s", (_name, file) => {
    const { events, rejected } = loadFixture(file);
    expect(rejected).toEqual([]);
    const hits = analyzeEvents(events, { detections: [detection] }).detections;
    expect(hits.map((h) => h.message)).toEqual([]);
  });
});
