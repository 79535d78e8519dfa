import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyExceptions } from "./exceptions";
import { buildCatalog } from "./catalog";
import { buildReport } from "./format/report";
import { formatJunit } from "./format/junit";
import { formatSarif } from "./format/sarif";
import { formatTable } from "./format/table";
import { RULES } from "./rules";
import { scan } from "./scan";
import { loadFixtureCases } from "./testing/fixtures";
import type { ClusterFacts, K8sObject, SourcedObject } from "./types";

/**
 * Rules must survive any shape of input: every fixture object is mutated at random (fields deleted, values
 * replaced by null/number/string/array/object, deep nesting) and scanned with every rule. A rule that throws
 * is reported by scan() as a ruleError, which fails this test.
 *
 * KNOWN_CRASHES lists rules whose crashes are known and not yet fixed (rule id -> minimal object): they are
 * still fuzzed, but their errors do not fail the run. Remove an entry once the rule is fixed.
 */
const KNOWN_CRASHES: Record<string, string> = {};

/** Minimal inputs found by this fuzzer; each becomes a plain regression test once its rule leaves KNOWN_CRASHES. */
const MINIMAL_CRASHES: Array<{ ruleId: string; objects: K8sObject[] }> = [
  { ruleId: "TWR-0505", objects: [{ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", spec: { ingress: [{ from: {} }] } }] },
  { ruleId: "TWR-0506", objects: [{ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", spec: { egress: [{ to: {} }] } }] },
  {
    ruleId: "TWR-0719",
    objects: [
      { apiVersion: "v1", kind: "Service", metadata: { name: "ledger", namespace: "finance", annotations: { "networking.istio.io/exportTo": 1 as unknown as string } }, spec: { ports: [{ name: "http" }] } },
      { apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name: "ledger", namespace: "shop" }, spec: { hosts: ["ledger.finance.svc.cluster.local"], http: [{ route: [{ destination: { host: "ledger.finance.svc.cluster.local" } }] }] } },
    ],
  },
];

const SEED = Number(process.env.TOWER_FUZZ_SEED ?? 0x7077e7);
// TOWER_FUZZ_ITERATIONS / TOWER_FUZZ_SEED run a longer or different campaign locally; TOWER_FUZZ_DUMP=DIR writes each crash's full input.
const TOTAL_ITERATIONS = Number(process.env.TOWER_FUZZ_ITERATIONS ?? 2500);
const NOW = new Date("2026-06-01T00:00:00Z");

/** mulberry32: tiny deterministic PRNG. */
const prng = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
type Rand = ReturnType<typeof prng>;
const pick = <T,>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

type Path = Array<string | number>;
const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === "object" && v !== null;

const pathsOf = (root: unknown, limit = 400): Path[] => {
  const out: Path[] = [];
  const stack: Array<[unknown, Path]> = [[root, []]];
  while (stack.length && out.length < limit) {
    const [node, p] = stack.pop()!;
    if (!isContainer(node)) continue;
    const keys: Array<string | number> = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const k of keys) {
      const child = [...p, k];
      // apiVersion and kind are guaranteed strings by the parser; everything else is fair game.
      if (p.length === 0 && (k === "apiVersion" || k === "kind")) continue;
      out.push(child);
      stack.push([(node as Record<string | number, unknown>)[k], child]);
    }
  }
  return out;
};

const randomValue = (rand: Rand, old: unknown): unknown =>
  pick(rand, [
    () => null,
    () => undefined,
    () => Math.floor(rand() * 70000) - 1000,
    () => rand() * 1e20,
    () => NaN,
    () => "",
    () => "x".repeat(Math.floor(rand() * 20)),
    () => "*",
    () => "0",
    () => true,
    () => false,
    () => [],
    () => [null, 1, "a", {}],
    () => ({}),
    () => ({ name: 1, key: null, value: [] }),
    () => [old],
    () => ({ nested: { deeper: { still: [old] } } }),
    () => (typeof old === "string" ? old.toUpperCase() : String(old)),
  ])();

const mutateOnce = (rand: Rand, root: Record<string, unknown>) => {
  const paths = pathsOf(root);
  if (!paths.length) return;
  const p = pick(rand, paths);
  let parent: unknown = root;
  for (const k of p.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[k];
  if (!isContainer(parent)) return;
  const key = p[p.length - 1];
  const bag = parent as Record<string | number, unknown>;
  const op = rand();
  if (op < 0.3) {
    if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
    else delete bag[key];
  } else if (op < 0.85) bag[key] = randomValue(rand, bag[key]);
  else {
    let v = bag[key];
    const depth = 1 + Math.floor(rand() * 40);
    for (let i = 0; i < depth; i++) v = rand() < 0.5 ? [v] : { [String(key)]: v };
    bag[key] = v;
  }
};

const clone = <T,>(v: T): T => structuredClone(v);

type Crash = { ruleId: string; message: string; file: string; object: K8sObject; others: SourcedObject[]; facts?: ClusterFacts };

const crashesOf = (objects: SourcedObject[], facts: ClusterFacts | undefined, ruleId: string) =>
  scan({ objects, facts, now: NOW, rules: RULES.filter((r) => r.id === ruleId), options: { allowedRegistries: ["registry.tower.test/"] } }).stats.ruleErrors;

/** Greedy shrinking: drop every field whose removal keeps the same rule crashing. */
const minimise = (crash: Crash): K8sObject => {
  const others = crash.others;
  let current = clone(crash.object);
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const p of pathsOf(current, 200).sort((a, b) => a.length - b.length)) {
      const candidate = clone(current) as Record<string, unknown>;
      let parent: unknown = candidate;
      for (const k of p.slice(0, -1)) parent = isContainer(parent) ? (parent as Record<string | number, unknown>)[k] : undefined;
      if (!isContainer(parent)) continue;
      if (Array.isArray(parent)) parent.splice(p[p.length - 1] as number, 1);
      else delete (parent as Record<string, unknown>)[p[p.length - 1] as string];
      const errs = crashesOf([...others, { obj: candidate as K8sObject }], crash.facts, crash.ruleId);
      if (errs.some((e) => e.ruleId === crash.ruleId)) {
        current = candidate as K8sObject;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return current;
};

describe("fuzz regressions: minimal crashing inputs", () => {
  for (const c of MINIMAL_CRASHES) {
    const known = c.ruleId in KNOWN_CRASHES;
    (known ? it.skip : it)(`${c.ruleId} survives its minimal crash input${known ? " (KNOWN_CRASHES: not fixed yet)" : ""}`, () => {
      const rules = RULES.filter((r) => r.id === c.ruleId);
      expect(scan({ objects: c.objects.map((obj) => ({ obj })), now: NOW, rules }).stats.ruleErrors).toEqual([]);
    });
  }
});

describe("fuzz: rules never throw on malformed objects", () => {
  const cases = loadFixtureCases().sort((a, b) => a.file.localeCompare(b.file));

  it("has fixtures to mutate", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it(`${TOTAL_ITERATIONS} seeded mutations scan without rule errors`, () => {
    const rand = prng(SEED);
    const rules = buildCatalog(RULES).rules;
    const crashes = new Map<string, Crash>();
    for (let i = 0; i < TOTAL_ITERATIONS; i++) {
      const c = cases[i % cases.length];
      if (!c.objects.length) continue;
      const objects = c.objects.map((o) => ({ obj: clone(o.obj), source: o.source }));
      const facts = c.facts ? clone(c.facts) : undefined;
      const target = pick(rand, objects);
      const mutations = 1 + Math.floor(rand() * 4);
      for (let m = 0; m < mutations; m++) mutateOnce(rand, target.obj as Record<string, unknown>);
      if (facts && rand() < 0.3) mutateOnce(rand, facts as Record<string, unknown>);
      let result;
      try {
        result = scan({ objects, facts, now: NOW, rules: RULES, options: { allowedRegistries: ["registry.tower.test/"] } });
      } catch (err) {
        throw new Error(`scan() itself threw on a mutation of ${c.file} (iteration ${i}): ${(err as Error).message}\n${JSON.stringify(target.obj)}`);
      }
      for (const e of result.stats.ruleErrors) {
        if (crashes.has(e.ruleId)) continue;
        const culprit = objects.find((o) => `${o.obj.kind}/${o.obj.metadata?.namespace ?? ""}/${o.obj.metadata?.name ?? ""}` === e.object)?.obj ?? target.obj;
        if (process.env.TOWER_FUZZ_DUMP)
          fs.writeFileSync(path.join(process.env.TOWER_FUZZ_DUMP, `${e.ruleId}.json`), JSON.stringify({ error: e, file: c.file, iteration: i, objects: objects.map((o) => o.obj), facts }, null, 2));
        crashes.set(e.ruleId, { ruleId: e.ruleId, message: e.message, file: c.file, object: clone(culprit), others: objects.filter((o) => o.obj !== culprit).map((o) => ({ obj: clone(o.obj) })), facts });
      }
      // The plumbing around scan() must survive the same inputs (every 5th run: formatting is not what is fuzzed).
      if (i % 5) continue;
      const exceptions = applyExceptions({ findings: result.findings, objects: objects.map((o) => o.obj), entries: [{ rule: "*", resource: { name: "a*" }, reason: "fuzz" }], now: NOW, rules: RULES });
      const report = buildReport({ stats: result.stats, exceptions, errors: [], skippedDocuments: 0, files: 1, baseline: [] });
      formatSarif(report, { rules, version: "0.0.0" });
      formatJunit(report, { rules });
      formatTable(report);
    }
    const unexpected = [...crashes.values()].filter((c) => !(c.ruleId in KNOWN_CRASHES));
    const known = [...crashes.values()].filter((c) => c.ruleId in KNOWN_CRASHES);
    if (known.length) console.warn(`fuzz: known crashing rules still crash: ${known.map((c) => c.ruleId).join(", ")}`);
    const report = unexpected.map(
      (c) =>
        `${c.ruleId}: ${c.message}\n  mutated from ${c.file}; minimal object: ${JSON.stringify(minimise(c))}` +
        (c.others.length ? `\n  with the case's other (possibly mutated) objects: ${c.others.map((o) => JSON.stringify(o.obj).slice(0, 600)).join(" ")}` : "") +
        (c.facts ? `\n  and facts: ${JSON.stringify(c.facts)}` : ""),
    );
    expect(report).toEqual([]);
  }, 300_000);
});
