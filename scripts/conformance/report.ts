import fs from "node:fs";
import path from "node:path";
// npm run conformance: prints, per peer and per claimed peer check, how many fixtures Tower agrees with.
import { RULES } from "@/lib/scanner/rules";
import { hasCorpus, loadIndex } from "./corpus";
import { entryKey, runConformance } from "./run";

if (!hasCorpus()) {
  console.log("skipped: corpus not found (set TOWER_CORPUS)");
  process.exit(0);
}
const onlyRule = process.argv.slice(2).find((a) => !a.startsWith("--"));
const rules = onlyRule ? RULES.filter((r) => r.id === onlyRule || r.name === onlyRule) : RULES;
const outcomes = runConformance(loadIndex(), rules);
const byPeer = new Map<string, { covered: number; agreed: number }>();
for (const o of outcomes) {
  const p = byPeer.get(o.entry.peer) ?? { covered: 0, agreed: 0 };
  p.covered++;
  if (o.agreed) p.agreed++;
  byPeer.set(o.entry.peer, p);
}
console.log("| peer | cases covered | agreed | disagreed | agreement |\n|---|---|---|---|---|");
for (const [peer, p] of [...byPeer].sort()) console.log(`| ${peer} | ${p.covered} | ${p.agreed} | ${p.covered - p.agreed} | ${((100 * p.agreed) / p.covered).toFixed(1)}% |`);
const reasons: Record<string, string> = Object.assign(
  {},
  ...fs.readdirSync(path.join(import.meta.dirname, "disagreements")).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "disagreements", f), "utf8"))),
);
const explained = outcomes.filter((o) => !o.agreed && reasons[entryKey(o.entry)]);
if (explained.length) {
  console.log("\nDeliberate disagreements:");
  for (const o of explained) console.log(`- ${o.entry.peer} ${o.entry.peer_check_id} (${o.entry.files[0]}): ${reasons[entryKey(o.entry)]}`);
}
if (process.argv.includes("--details") || onlyRule) {
  for (const o of outcomes.filter((x) => !x.agreed)) console.log(`DISAGREE key=${entryKey(o.entry)} ${o.rule.name} ${o.entry.peer}:${o.entry.peer_check_id} expect=${o.entry.expect} fired=${o.fired} ${o.entry.files.join(" ")}${o.entry.selector ? ` [${o.entry.selector}]` : ""}`);
}
