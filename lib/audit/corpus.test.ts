import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeEvents, analyzeRecords } from "./analyze";
import { FALCO_DISAGREEMENTS, FALCO_EXPECTATIONS } from "./corpus/falco-expectations";
import { PANTHER_DISAGREEMENTS } from "./corpus/panther-disagreements";
import { PANTHER_MAP } from "./corpus/panther-map";
import { DETECTIONS } from "./detections";
import { normalizeText } from "./normalize";

const loadFixture = (file: string) => normalizeText(fs.readFileSync(file, "utf8"), { file, idPrefix: path.basename(file) });
const root = path.resolve(process.env.TOWER_CORPUS ?? path.resolve(import.meta.dirname, "../../../shared/corpus"));
const AUDIT = fs.existsSync(path.join(root, "audit")) ? path.join(root, "audit") : root;
const present = fs.existsSync(path.join(AUDIT, "falco-trace-files"));
if (!present) console.log("skipped: corpus not found");

const count = (ids: string[]) => ids.reduce<Record<string, number>>((m, id) => ((m[id] = (m[id] ?? 0) + 1), m), {});
const EVENT_DETECTIONS = new Set(DETECTIONS.filter((d) => d.kind === "event").map((d) => d.id));

describe.skipIf(!present)("falco-trace-files (falcosecurity/testing expectations)", () => {
  const dir = path.join(AUDIT, "falco-trace-files");
  const files = present ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : [];

  it.each(files)("%s", (file) => {
    const { events, rejected } = loadFixture(path.join(dir, file));
    const got = count(analyzeEvents(events).detections.map((d) => d.detectionId));
    const want = FALCO_EXPECTATIONS[file];
    const deliberate = FALCO_DISAGREEMENTS[file];
    expect(rejected).toHaveLength(want?.rejected ?? 0);
    if (want?.none) expect(got).toEqual({});
    for (const [id, n] of Object.entries(want?.fires ?? {})) expect(got[id] ?? 0, id).toBeGreaterThanOrEqual(n);
    for (const id of want?.silent ?? []) expect(got[id], id).toBeUndefined();
    if (deliberate) expect(got[deliberate.detection], deliberate.reason).toBeUndefined();
  });

  it("fal_01_003.json is rejected with a reason, not a crash", () => {
    const { rejected } = loadFixture(path.join(dir, "fal_01_003.json"));
    expect(rejected[0].reason).toMatch(/not a k8s audit event/);
  });

  it.each(["falco-trace-files.all.jsonl", "falco-trace-files.eventlist.json"])("derived/%s parses to the same 51 events and single-event detections", (file) => {
    const { events, rejected } = loadFixture(path.join(AUDIT, "derived", file));
    expect(events).toHaveLength(51);
    expect(rejected).toHaveLength(0);
    const perFile = files.flatMap((f) => analyzeEvents(loadFixture(path.join(dir, f)).events).detections.map((d) => d.detectionId));
    const combined = analyzeEvents(events).detections.map((d) => d.detectionId).filter((id) => EVENT_DETECTIONS.has(id));
    expect(count(combined)).toEqual(count(perFile.filter((id) => EVENT_DETECTIONS.has(id))));
  });
});

type Case = { rule_id: string; test_name: string; expected_result: boolean; log_type: string; log: unknown };
const SOURCE: Record<string, string> = { "Amazon.EKS.Audit": "EKS", "GCP.AuditLog": "GKE", "Azure.MonitorActivity": "AKS" };

describe.skipIf(!present)("panther-analysis labelled cases", () => {
  const dir = path.join(AUDIT, "panther-analysis");
  const cases = present
    ? fs.readdirSync(dir).filter((f) => f.endsWith(".cases.jsonl")).sort().flatMap((f) =>
        fs.readFileSync(path.join(dir, f), "utf8").split("\n").filter(Boolean).map((l) => ({ rule: f.replace(".cases.jsonl", ""), c: JSON.parse(l) as Case })))
    : [];

  // Each case is one event replayed alone: no learning period, every principal is new.
  const results = cases.map(({ rule, c }) => {
    const ids = PANTHER_MAP[rule];
    const run = analyzeRecords([c.log], { warmupMs: 0 });
    const fired = run.detections.some((d) => ids?.includes(d.detectionId));
    return { key: `${rule}|${c.test_name}`, source: SOURCE[c.log_type] ?? c.log_type, scored: !!ids, agree: fired === c.expected_result, rejected: run.stats.rejected };
  });

  it("every rule file is mapped (to detections, or null with a reason in panther-map.ts)", () => {
    expect(cases.map((x) => x.rule).filter((r) => !(r in PANTHER_MAP))).toEqual([]);
  });

  it("disagreements are exactly the deliberate ones", () => {
    const diffs = results.filter((r) => r.scored && !r.agree).map((r) => r.key).sort();
    expect(diffs).toEqual(Object.keys(PANTHER_DISAGREEMENTS).sort());
  });

  it("reports per-source agreement", () => {
    const rows = ["EKS", "GKE", "AKS"].map((s) => {
      const mine = results.filter((r) => r.source === s);
      const scored = mine.filter((r) => r.scored);
      const agree = scored.filter((r) => r.agree).length;
      return { source: s, cases: mine.length, scored: scored.length, agree, pct: scored.length ? Math.round((1000 * agree) / scored.length) / 10 : 0, rejected: mine.reduce((n, r) => n + r.rejected, 0) };
    });
    console.log(`panther agreement: ${JSON.stringify(rows)}`);
    const all = results.filter((r) => r.scored);
    expect(all.filter((r) => r.agree).length / all.length).toBeGreaterThan(0.85);
  });
});
