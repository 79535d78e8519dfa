/**
 * The findings-explorer requests of `npm run bench:collect`: a rotation of realistic filter sets (what the
 * explorer page sends), each called through the real route handler GET /api/v1/findings with a session cookie.
 */
import { NextRequest } from "next/server";
import { RULES } from "../../../lib/scanner/rules";
import { SEED_NAMESPACES } from "./seed-findings";

export type ExplorerCall = { label: string; query: string };

/** `n` requests cycling through the filter templates, with the values (cluster, namespace, rule, page) varying per turn. */
export const explorerCalls = (n: number, clusterIds: string[]): ExplorerCall[] => {
  const noisy = RULES.slice(0, 12);
  const templates: Array<(i: number) => [string, Record<string, string | number>]> = [
    () => ["default (open, sort severity)", {}],
    () => ["severity=critical,high", { severity: "critical,high" }],
    (i) => ["cluster", { cluster: clusterIds[i % clusterIds.length] }],
    (i) => ["cluster+namespace", { cluster: clusterIds[i % clusterIds.length], namespace: SEED_NAMESPACES[(i * 7) % SEED_NAMESPACES.length] }],
    (i) => ["namespace (2)", { namespace: `${SEED_NAMESPACES[i % 100]},${SEED_NAMESPACES[(i + 37) % 100]}` }],
    (i) => ["rule (name)", { rule: noisy[i % noisy.length].name }],
    (i) => ["rule (id)+severity", { rule: RULES[(i * 5) % RULES.length].id, severity: RULES[(i * 5) % RULES.length].severity }],
    () => ["status=new", { status: "new" }],
    () => ["status=resolved sort lastSeen", { status: "resolved", sort: "lastSeen" }],
    (i) => ["q=text (rule words)", { q: ["privileged", "host path", "latest tag", "cluster-admin", "capabilities"][i % 5] }],
    (i) => ["q=resource name", { q: `${["api", "worker", "gateway", "indexer"][i % 4]}-${(i * 13) % 400}` }],
    () => ["sort=firstSeen desc", { sort: "firstSeen", order: "desc" }],
    (i) => ["sort=firstSeen asc deep page", { sort: "firstSeen", order: "asc", page: 500 + i * 10 }],
    (i) => ["deep page (sort severity)", { page: 1000 + i * 20 }],
    () => ["groupBy=rule", { groupBy: "rule" }],
    (i) => ["groupBy=resource (cluster)", { groupBy: "resource", cluster: clusterIds[i % clusterIds.length] }],
    () => ["suppressed=only", { suppressed: "only" }],
    () => ["kind=Pod severity=high", { kind: "Pod", severity: "high" }],
    () => ["firstSeenAfter 7 days", { firstSeenAfter: new Date(Date.now() - 7 * 86_400_000).toISOString() }],
    () => ["sort=resource", { sort: "resource", order: "asc" }],
    () => ["sort=rule theme=rbac", { sort: "rule", order: "asc", theme: "rbac-api-access" }],
    (i) => ["cluster severity=critical page 3", { cluster: clusterIds[i % clusterIds.length], severity: "critical", page: 3 }],
    () => ["all statuses, include suppressed", { status: "new,open,resolved,regressed", suppressed: "include" }],
    () => ["pageSize=200", { pageSize: 200 }],
  ];
  return Array.from({ length: n }, (_, k) => {
    const [label, q] = templates[k % templates.length](Math.floor(k / templates.length) + k);
    return { label, query: new URLSearchParams(Object.entries(q).map(([a, b]) => [a, String(b)])).toString() };
  });
};

type RouteFn = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** One GET through the route handler, as Next calls it; returns the time until the body is fully read. */
export const callExplorer = async (GET: RouteFn, cookie: string, query: string) => {
  const t = performance.now();
  const req = new NextRequest(new URL(`/api/v1/findings?${query}`, "http://localhost:3000"), { method: "GET", headers: { host: "localhost:3000", cookie } });
  const res = await GET(req, { params: Promise.resolve({}) });
  const text = await res.text();
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`GET /api/v1/findings?${query}: ${res.status} ${text.slice(0, 500)}`);
  return { ms, body: JSON.parse(text) as { total?: number; totalIsEstimate?: boolean; items?: unknown[]; groups?: unknown[] } };
};
