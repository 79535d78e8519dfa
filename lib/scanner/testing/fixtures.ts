import fs from "node:fs";
import path from "node:path";
import { parseManifests } from "../parse";
import type { ClusterFacts, SourcedObject } from "../types";

/** A fixture may carry cluster facts (server version, nodes) as a document of this kind; it is not an object. */
const FACTS_KIND = "ClusterFacts";

// Test-only helper (reads files): loads the fixtures that sit beside each rule.
export const RULES_DIR = path.join(import.meta.dirname, "..", "rules");

export type FixtureCase = { rule: string; theme: string; outcome: "fire" | "pass"; file: string; objects: SourcedObject[]; facts?: ClusterFacts; expect?: { paths?: string[]; count?: number } };

export const loadFixtureCases = (): FixtureCase[] => {
  const cases: FixtureCase[] = [];
  for (const theme of fs.readdirSync(RULES_DIR)) {
    const fixturesDir = path.join(RULES_DIR, theme, "__fixtures__");
    if (!fs.existsSync(fixturesDir)) continue;
    for (const rule of fs.readdirSync(fixturesDir)) {
      for (const outcome of ["fire", "pass"] as const) {
        const dir = path.join(fixturesDir, rule, outcome);
        if (!fs.existsSync(dir)) continue;
        for (const name of fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith(".expect.json"))) {
          const file = path.join(dir, name);
          const parsed = parseManifests(fs.readFileSync(file, "utf8"), path.relative(RULES_DIR, file));
          if (parsed.errors.length) throw new Error(`fixture ${file} does not parse: ${parsed.errors[0].message}`);
          const expectFile = file.replace(/\.(ya?ml|json)$/, ".expect.json");
          const expect = fs.existsSync(expectFile) ? JSON.parse(fs.readFileSync(expectFile, "utf8")) : undefined;
          const factsDoc = parsed.objects.find((o) => o.obj.kind === FACTS_KIND && o.obj.apiVersion === "tower.dev/v1");
          const objects = parsed.objects.filter((o) => o !== factsDoc);
          const facts = factsDoc ? (factsDoc.obj.spec as ClusterFacts) : undefined;
          cases.push({ rule, theme, outcome, file: path.relative(RULES_DIR, file), objects, facts, expect });
        }
      }
    }
  }
  return cases;
};
