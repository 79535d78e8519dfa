// npm run bench:report: a CIS PDF for a synthetic fleet of 10 clusters and 100,000 findings (deterministic), then
// the same findings over 10x the objects, and half the findings, to show pages follow failing resources only.
import { assessFramework } from "../../lib/compliance/assess";
import { FRAMEWORKS } from "../../lib/compliance/frameworks";
import { mapFramework } from "../../lib/compliance/mapping";
import { registrySources } from "../../lib/compliance/sources";
import type { ComplianceFinding } from "../../lib/compliance/types";
import { buildReportDocument } from "../../lib/report/document";
import { renderPdf } from "../../lib/report/pdf";

const CLUSTERS = 10;
const FINDINGS = 100_000;
const OBJECTS_PER_CLUSTER = 20_000;
const NOW = new Date("2025-06-01T00:00:00Z");

const framework = FRAMEWORKS.cis;
const sources = registrySources();
const cisRules = [...new Set([...mapFramework(framework, sources).values()].flatMap((m) => m.rules))].sort();

const syntheticFindings = (count: number): ComplianceFinding[] =>
  Array.from({ length: count }, (_, i) => {
    const cluster = `prod-${String(i % CLUSTERS).padStart(2, "0")}`;
    const n = Math.floor(i / CLUSTERS);
    return {
      ruleId: cisRules[n % cisRules.length],
      cluster,
      resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: `team-${n % 40}`, name: `service-${Math.floor(n / cisRules.length)}` },
    };
  });

const run = async (label: string, findings: ComplianceFinding[], objects: number) => {
  const started = performance.now();
  const assessment = assessFramework({
    framework,
    findings,
    rulesRun: cisRules,
    scope: { resources: objects, clusters: Array.from({ length: CLUSTERS }, (_, i) => `prod-${String(i).padStart(2, "0")}`) },
    sources,
    now: NOW,
  });
  const doc = buildReportDocument({ assessment, frameworkKey: framework.key, frameworkSource: framework.source, rules: sources.rules });
  const { pdf, pages } = await renderPdf(doc);
  const seconds = (performance.now() - started) / 1000;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${label.padEnd(34)} objects=${String(objects).padStart(7)} findings=${String(findings.length).padStart(6)} failing entries=${String(assessment.summary.failingResources).padStart(6)} ` +
      `pages=${String(pages).padStart(5)} pdf=${(pdf.length / 1024 / 1024).toFixed(1)} MB time=${seconds.toFixed(2)} s peak RSS=${rssMb.toFixed(0)} MB`,
  );
  return { seconds, rssMb, pages };
};

const main = async () => {
  const objects = CLUSTERS * OBJECTS_PER_CLUSTER;
  const all = syntheticFindings(FINDINGS);
  const first = await run("fleet: 10 clusters, 100k findings", all, objects);
  const tenfold = await run("same findings, 10x objects", all, objects * 10);
  const half = await run("half the findings", all.slice(0, FINDINGS / 2), objects);
  console.log(`pages with 10x objects: ${tenfold.pages} (was ${first.pages}); with half the findings: ${half.pages}`);
  const ok = first.seconds < 20 && first.rssMb < 1024 && tenfold.pages === first.pages;
  console.log(ok ? "within target (< 20 s, < 1 GB; pages independent of object count)" : "OUTSIDE TARGET");
  process.exitCode = ok ? 0 : 1;
};

void main();
