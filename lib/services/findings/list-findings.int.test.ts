import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, getPool } from "@/lib/db";
import { createMember, createOrg, ctxFor } from "@/lib/db/test/factories";
import { RULES } from "@/lib/scanner/rules";
import { startSimulator, type SimHandle } from "@/lib/sim";
import { demoObjects, privilegedPodObjects } from "../scans/test/demo-objects";
import { sealKubeconfig } from "@/lib/clusters/vault";
import { createClusters } from "../clusters/create-clusters";
import { runClusterScan } from "../scans/run-cluster-scan";
import { createSuppression } from "../suppressions/create-suppression";
import { listFindings } from "./list-findings";
import { rulesMatching } from "./text-search";

// The explorer against findings written by real scans of the demo cluster, checked against a plain reading of
// the Finding table: rule filters, sorts, group counts (after scans, suppressions and resolution), org scoping.
const base = demoObjects;
const extra = privilegedPodObjects;
const SEVERITIES = ["critical", "high", "medium", "low", "info"];

type Ctx = ReturnType<typeof ctxFor>;
type Row = Awaited<ReturnType<typeof db.finding.findMany>>[number];
type Page = { items: Array<{ id: string; ruleId: string; ruleName: string; severity: string; firstSeenAt: string; resource: { namespace: string; kind: string; name: string } }>; total: number };
type Groups = { groups: Array<{ key: Record<string, string>; total: number; bySeverity: Record<string, number> }> };

const sims: SimHandle[] = [];
afterAll(async () => Promise.all(sims.map((s) => s.close())));

/** An org with one scanned copy of the demo cluster (plus a privileged pod); `rescan` scans it again with other objects. */
const scannedOrg = async (name: string) => {
  const org = await createOrg();
  const ctx = ctxFor(org, await createMember(org.id, "admin"));
  const sim = await startSimulator({ objects: [...base, ...extra], pageSizeMax: 200 });
  sims.push(sim);
  const [cluster] = await createClusters({ ctx, input: { kubeconfig: sim.kubeconfig, contexts: [{ context: "tower-sim", name, environment: "prod" }] } });
  const scan = await db.scanRun.findFirstOrThrow({ where: { clusterId: cluster.id } });
  await runClusterScan({ clusterId: cluster.id, scanId: scan.id });
  const rescan = async (objects: typeof base) => {
    const next = await startSimulator({ objects, pageSizeMax: 200 });
    sims.push(next);
    await db.clusterCredential.update({ where: { clusterId: cluster.id }, data: sealKubeconfig(next.kubeconfig) });
    await runClusterScan({ clusterId: cluster.id });
  };
  return { org, ctx, clusterId: cluster.id, rescan };
};

const list = async (ctx: Ctx, input: Record<string, unknown>) => (await listFindings({ ctx, input: { pageSize: 200, ...input } })) as unknown as Page;
const groups = async (ctx: Ctx, input: Record<string, unknown>) => (await listFindings({ ctx, input })) as unknown as Groups;

/** What the explorer should show, read without it: the org's findings, open and unsuppressed unless asked. */
const reference = async (orgId: string, opts: { suppressed?: "hide" | "only" | "include"; statuses?: string[] } = {}) => {
  const rows = await db.finding.findMany({ where: { orgId } });
  const suppressed = opts.suppressed ?? "hide";
  return rows.filter((r) => (opts.statuses ? opts.statuses.includes(r.status) : r.status !== "resolved") && (suppressed === "include" || (suppressed === "only") === (r.suppressionId !== null)));
};

/** Counts per group key and severity, as { "<key json>": { total, bySeverity } }. */
const countBy = (rows: Row[], key: (r: Row) => Record<string, string>) => {
  const out: Record<string, { total: number; bySeverity: Record<string, number> }> = {};
  for (const r of rows) {
    const g = (out[JSON.stringify(key(r))] ??= { total: 0, bySeverity: {} });
    g.total++;
    g.bySeverity[r.severity] = (g.bySeverity[r.severity] ?? 0) + 1;
  }
  return out;
};
const byRule = (r: Row) => ({ ruleId: r.ruleId, ruleName: r.ruleName, title: r.title });
const byResource = (r: Row) => ({ clusterId: r.clusterId, namespace: r.namespace, kind: r.kind, name: r.name });
const asCounts = (g: Groups) => Object.fromEntries(g.groups.map((x) => [JSON.stringify(x.key), { total: x.total, bySeverity: x.bySeverity }]));
const ids = (p: Page) => p.items.map((i) => i.id).sort();

/** Every page of a query, concatenated, read `pageSize` at a time; and the total of its first page. */
const allPages = async (ctx: Ctx, input: Record<string, unknown>, pageSize: number) => {
  const first = await list(ctx, { ...input, pageSize });
  const items = first.items.map((i) => i.id);
  for (let page = 2; items.length < first.total; page++) {
    const next = await list(ctx, { ...input, page, pageSize });
    if (!next.items.length) break;
    items.push(...next.items.map((i) => i.id));
  }
  return { ids: items, total: first.total };
};

const ORDER_SQL: Record<string, string> = {
  "severity desc": `severity asc, "lastSeenAt" desc, id asc`,
  "severity asc": `severity desc, "lastSeenAt" desc, id asc`,
  "rule asc": `"ruleName" asc, severity asc, "lastSeenAt" desc, id asc`,
  "rule desc": `"ruleName" desc, severity desc, "lastSeenAt" asc, id desc`,
  "firstSeen desc": `"firstSeenAt" desc, id desc`,
};

/** The org's open, unsuppressed findings matching `where` (SQL on "Finding", $1 the org), in the explorer's order. */
const readFindings = async (orgId: string, where: string, params: unknown[], order: string) =>
  (await getPool().query(`select id from "Finding" where "orgId" = $1 and status <> 'resolved' and "suppressionId" is null and ${where} order by ${ORDER_SQL[order]}`, [orgId, ...params])).rows.map((r) => r.id as string);

let a: Awaited<ReturnType<typeof scannedOrg>>;
let b: Awaited<ReturnType<typeof scannedOrg>>;
beforeAll(async () => {
  a = await scannedOrg("explorer-a");
  b = await scannedOrg("explorer-b");
});

describe("findings explorer", () => {
  it("filters by rule name and by rule id alike, imported reports' rules included", async () => {
    const open = await reference(a.org.id);
    const imported = open.find((r) => r.theme === "external-reports");
    expect(imported, "the demo cluster has Trivy reports").toBeDefined();
    for (const ruleId of ["TWR-0101", imported!.ruleId]) {
      const rule = RULES.find((r) => r.id === ruleId)!;
      const expected = open.filter((r) => r.ruleId === ruleId).map((r) => r.id).sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(await list(a.ctx, { rule: rule.name }))).toEqual(expected);
      expect(ids(await list(a.ctx, { rule: rule.id }))).toEqual(expected);
      expect((await list(a.ctx, { rule: `${rule.id},${rule.name}` })).total).toBe(expected.length);
    }
  });

  it("matches a rule the catalog does not know by the id or name its findings store", async () => {
    const f = await db.finding.findFirstOrThrow({ where: { orgId: a.org.id } });
    const { id: _id, evidence, ...rest } = f;
    const outside = await db.finding.create({ data: { ...rest, evidence: evidence ?? [], fingerprint: "outside-tool", ruleId: "EXT-0001", ruleName: "ext-host-check", status: "new", suppressionId: null } });
    expect(ids(await list(a.ctx, { rule: "ext-host-check" }))).toEqual([outside.id]);
    expect(ids(await list(a.ctx, { rule: "EXT-0001" }))).toEqual([outside.id]);
    expect((await list(a.ctx, { rule: "no-such-rule" })).total).toBe(0);
    await db.finding.delete({ where: { id: outside.id } });
  });

  it.each([
    ["severity", "desc", `severity asc`], ["firstSeen", "asc", `"firstSeenAt" asc`], ["firstSeen", "desc", `"firstSeenAt" desc`],
    ["lastSeen", "asc", `"lastSeenAt" asc`], ["lastSeen", "desc", `"lastSeenAt" desc`], ["rule", "asc", `"ruleName" asc`], ["rule", "desc", `"ruleName" desc`],
    ["resource", "asc", `namespace asc, kind asc, name asc`], ["resource", "desc", `namespace desc, kind desc, name desc`],
  ])("sorts by %s %s, page after page, in the database's order", async (sort, order, sql) => {
    const all = await list(a.ctx, { sort, order });
    expect(all.total).toBe((await reference(a.org.id)).length);
    const pages: string[] = [];
    for (let page = 1; pages.length < all.items.length; page++) pages.push(...(await list(a.ctx, { sort, order, page, pageSize: 7 })).items.map((i) => i.id));
    expect(pages.slice(0, all.items.length)).toEqual(all.items.map((i) => i.id));
    // The sort field as stored (the page shows an unchanged finding's last seen as its cluster's last good scan).
    const keyOf = { severity: `severity::text`, firstSeen: `"firstSeenAt"::text`, lastSeen: `"lastSeenAt"::text`, rule: `"ruleName"`, resource: `namespace || '/' || kind || '/' || name` }[sort];
    const q = (where: string, orderBy: string) => getPool().query(`select ${keyOf} as k from "Finding" where "orgId" = $1 and ${where} order by ${orderBy}`, [a.org.id, all.items.map((i) => i.id)]);
    const shown = await q(`id = any($2::text[])`, `array_position($2::text[], id)`);
    const expected = await q(`status <> 'resolved' and "suppressionId" is null and $2::text[] is not null`, sql);
    expect(shown.rows.map((r) => r.k)).toEqual(expected.rows.slice(0, all.items.length).map((r) => r.k));
  });

  it.each(["privileged", "capabilities", "host path", "cluster-admin", "TWR-0101", "Secret", "debug", "no such text"])(
    "finds %j in resource names and in the rules' ids, names and titles, page after page, in every order",
    async (q) => {
      const where = `(name ilike $2 or "ruleId" = any($3::text[]))`;
      const params = [`%${q}%`, rulesMatching(q)];
      for (const order of Object.keys(ORDER_SQL)) {
        const [sort, dir] = order.split(" ");
        const expected = await readFindings(a.org.id, where, params, order);
        expect(expected.length > 0).toBe(q !== "no such text");
        const whole = await allPages(a.ctx, { q, sort, order: dir }, 200);
        expect(whole).toEqual({ ids: expected, total: expected.length });
        expect((await allPages(a.ctx, { q, sort, order: dir }, 7)).ids).toEqual(expected);
      }
    },
  );

  it("finds rule words in both orgs' findings, each only its own", async () => {
    const expected = await readFindings(b.org.id, `"ruleId" = any($2::text[])`, [rulesMatching("capabilities")], "severity desc");
    expect(expected.length).toBeGreaterThan(0);
    expect((await allPages(b.ctx, { q: "capabilities" }, 200)).ids).toEqual(expected);
  });

  it.each([["rbac-api-access"], ["pod-hardening"], ["rbac-api-access,secrets"]])("sorts theme %s by rule, both ways, page after page", async (theme) => {
    const themes = theme.split(",");
    for (const dir of ["asc", "desc"]) {
      const expected = await readFindings(a.org.id, `theme = any($2::text[])`, [themes], `rule ${dir}`);
      expect(expected.length).toBeGreaterThan(7);
      expect(await allPages(a.ctx, { theme, sort: "rule", order: dir }, 200)).toEqual({ ids: expected, total: expected.length });
      expect((await allPages(a.ctx, { theme, sort: "rule", order: dir }, 7)).ids).toEqual(expected);
      expect((await allPages(a.ctx, { theme, sort: "rule", order: dir, severity: "high,medium" }, 7)).total).toBe(
        (await readFindings(a.org.id, `theme = any($2::text[]) and severity in ('high', 'medium')`, [themes], `rule ${dir}`)).length,
      );
    }
  });

  it("counts groups by rule and by resource as the findings are, after scans, suppressions and resolution", async () => {
    const check = async () => {
      for (const suppressed of ["hide", "only", "include"] as const) {
        const want = await reference(a.org.id, { suppressed });
        expect(asCounts(await groups(a.ctx, { groupBy: "rule", suppressed }))).toEqual(countBy(want, byRule));
        expect(asCounts(await groups(a.ctx, { groupBy: "resource", suppressed }))).toEqual(countBy(want, byResource));
        expect(asCounts(await groups(a.ctx, { groupBy: "rule", suppressed, namespace: "shop" }))).toEqual(countBy(want.filter((r) => r.namespace === "shop"), byRule));
      }
      const all = await reference(a.org.id, { suppressed: "include", statuses: ["new", "open", "resolved", "regressed"] });
      expect(asCounts(await groups(a.ctx, { groupBy: "rule", suppressed: "include", status: "new,open,resolved,regressed", cluster: a.clusterId }))).toEqual(countBy(all, byRule));
      const critical = (await reference(a.org.id)).filter((r) => r.severity === "critical" && r.theme === "pod-hardening");
      expect(asCounts(await groups(a.ctx, { groupBy: "rule", severity: "critical", theme: "pod-hardening" }))).toEqual(countBy(critical, byRule));
    };
    await check();

    const privileged = (await reference(a.org.id)).find((r) => r.ruleId === "TWR-0101")!;
    await createSuppression({ ctx: a.ctx, input: { findingId: privileged.id, scope: "rule", reason: "accepted for the test" } });
    expect((await reference(a.org.id, { suppressed: "only" })).length).toBeGreaterThan(0);
    await check();

    await a.rescan(base);
    expect((await db.finding.findMany({ where: { orgId: a.org.id, status: "resolved" } })).map((r) => r.name)).toContain("debug-shell");
    await check();

    await a.rescan([...base, ...extra]);
    expect((await db.finding.findMany({ where: { orgId: a.org.id, status: "regressed" } })).map((r) => r.name)).toContain("debug-shell");
    await check();
  });

  it("orders groups worst severity first, then the largest", async () => {
    const { groups: g } = await groups(a.ctx, { groupBy: "resource" });
    const rank = (x: (typeof g)[number]) => SEVERITIES.findIndex((s) => x.bySeverity[s]);
    for (let i = 1; i < g.length; i++) expect(rank(g[i - 1]) < rank(g[i]) || (rank(g[i - 1]) === rank(g[i]) && g[i - 1].total >= g[i].total)).toBe(true);
  });

  it("never shows another org's findings, counts or rules", async () => {
    const mine = await reference(b.org.id);
    const theirs = new Set((await db.finding.findMany({ where: { orgId: a.org.id }, select: { id: true } })).map((r) => r.id));
    const page = await list(b.ctx, {});
    expect(page.total).toBe(mine.length);
    expect(page.items.some((i) => theirs.has(i.id))).toBe(false);
    expect(ids(await list(b.ctx, { rule: "privileged-container" }))).toEqual(mine.filter((r) => r.ruleId === "TWR-0101").map((r) => r.id).sort());
    expect((await list(b.ctx, { cluster: a.clusterId })).total).toBe(0);
    expect(asCounts(await groups(b.ctx, { groupBy: "rule" }))).toEqual(countBy(mine, byRule));
    expect(asCounts(await groups(b.ctx, { groupBy: "rule", cluster: a.clusterId }))).toEqual({});
    expect(asCounts(await groups(b.ctx, { groupBy: "resource", suppressed: "include" }))).toEqual(countBy(await reference(b.org.id, { suppressed: "include" }), byResource));
  });
});
