import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseManifests } from "../scanner/parse";
import { RULES } from "../scanner/rules";
import { scan } from "../scanner/scan";
import type { ClusterFacts, K8sObject, SourcedObject } from "../scanner/types";
import { asServed, DEMO_CLUSTER_DIR, loadManifestDir, startSimulator } from "../sim/index";
import { collectCluster, isCollected, sanitizeCollected } from "./collect";

/**
 * A scan of files and a scan of the same objects read back from a cluster must agree. The file side is
 * shown as a cluster can show it: secrets without values (by design) and only the kinds the collector reads.
 */
const NOW = new Date("2024-11-18T10:00:00Z");
const REPO = path.resolve(import.meta.dirname, "..", "..");
const CORPUS = path.resolve(REPO, process.env.TOWER_CORPUS ?? "../shared/corpus", "manifests");
const SAMPLE = 40;

const groupOf = (apiVersion = "") => (apiVersion.includes("/") ? apiVersion.split("/")[0] : "");

const findingKeys = (objects: readonly SourcedObject[], facts: ClusterFacts) =>
  new Set(scan({ objects, facts, now: NOW, rules: RULES }).findings.map((f) => `${f.ruleId} ${f.resource.kind} ${f.resource.namespace ?? ""} ${f.resource.name}`));

const roundTrip = async (objects: K8sObject[]) => {
  const sim = await startSimulator({ objects });
  try {
    const collected = await collectCluster({ kubeconfig: sim.kubeconfig, pageSize: 5, retries: 1, backoffMs: 10 });
    const read = new Set((collected.facts.apiResources ?? []).filter((r) => isCollected(r)).map((r) => `${r.group}/${r.kind}`));
    const fileSide = objects.filter((o) => read.has(`${groupOf(o.apiVersion)}/${o.kind}`)).map((obj) => ({ obj: sanitizeCollected(obj) }));
    return { collected, fileSide, facts: collected.facts };
  } finally {
    await sim.close();
  }
};

const sorted = (s: Set<string>) => [...s].sort();

describe("file scan and cluster scan agree", () => {
  it("on the demo cluster, with nothing normalised but secret values", async () => {
    const { objects } = loadManifestDir(DEMO_CLUSTER_DIR);
    const { collected, fileSide, facts } = await roundTrip(objects.map((o) => o.obj));
    expect(collected.objects.length).toBe(fileSide.length);
    const fromFiles = findingKeys(fileSide, facts);
    const fromCluster = findingKeys(collected.objects, facts);
    expect(sorted(fromCluster)).toEqual(sorted(fromFiles));
    console.info(`demo cluster: ${collected.objects.length} objects, ${RULES.length} rules, ${fromCluster.size} findings agree`);
  });

  const corpusDirs = (): string[] => {
    const dirs: string[] = [];
    const walk = (dir: string) => {
      const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
      if (entries.some((e) => e.isFile() && /\.(ya?ml|json)$/i.test(e.name))) dirs.push(dir);
      for (const e of entries) if (e.isDirectory()) walk(path.join(dir, e.name));
    };
    walk(CORPUS);
    return dirs;
  };

  /** Objects of one directory, when a cluster could hold them all: every object named, no two with one identity. */
  const loadCandidate = (dir: string): K8sObject[] | undefined => {
    const objects: K8sObject[] = [];
    for (const f of fs.readdirSync(dir).filter((n) => /\.(ya?ml|json)$/i.test(n)).sort()) {
      const parsed = parseManifests(fs.readFileSync(path.join(dir, f), "utf8"), f);
      if (parsed.errors.length) return undefined;
      objects.push(...parsed.objects.map((o) => o.obj));
    }
    if (!objects.length || objects.some((o) => typeof o.metadata?.name !== "string" || !o.metadata.name || !/^[A-Za-z][A-Za-z0-9]*$/.test(o.kind ?? ""))) return undefined;
    const served = asServed(objects);
    if (served.length !== objects.length) return undefined;
    return served;
  };

  it.skipIf(!fs.existsSync(CORPUS))(`on a sample of the peers' corpus (${fs.existsSync(CORPUS) ? CORPUS : "skipped: corpus not found"})`, async () => {
    const candidates = corpusDirs().map((d) => [d, loadCandidate(d)] as const).filter((c): c is readonly [string, K8sObject[]] => !!c[1]);
    const step = Math.max(1, Math.floor(candidates.length / SAMPLE));
    const sample = candidates.filter((_, i) => i % step === 0).slice(0, SAMPLE);
    expect(sample.length).toBeGreaterThan(10);
    let findings = 0;
    for (const [dir, objects] of sample) {
      const { collected, fileSide, facts } = await roundTrip(objects);
      const fromFiles = findingKeys(fileSide, facts);
      const fromCluster = findingKeys(collected.objects, facts);
      expect(sorted(fromCluster), path.relative(CORPUS, dir)).toEqual(sorted(fromFiles));
      findings += fromCluster.size;
    }
    console.info(`corpus: ${sample.length} of ${candidates.length} servable directories, ${findings} findings agree`);
  }, 180_000);
});

if (!fs.existsSync(CORPUS)) console.warn("skipped: corpus not found");
