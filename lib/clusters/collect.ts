import type { ClusterFacts, K8sObject, SourcedObject } from "../scanner/types";
import { listAll } from "./collect-list";
import { listSecretMetadata, sanitizeCollected } from "./collect-secrets";
import { collectTargets, resourceLabel } from "./collect-targets";
import { type ApiResource, discover } from "./discovery";
import { ApiStatusError, ClusterAccessError, fatalStatusError } from "./k8s-errors";
import { type KubeconfigSource, loadKubeConfig } from "./load-kubeconfig";
import { createTransport, type Transport } from "./transport";

export { ClusterAccessError } from "./k8s-errors";
export { sanitizeCollected } from "./collect-secrets";
export { isCollected } from "./collect-targets";

export type CoverageEntry = { resource: string; status: "ok" | "forbidden" | "error"; objects?: number; message?: string };

export type CollectOptions = KubeconfigSource & {
  onProgress?: (p: { resource: string; objects: number }) => void;
  /** Items per list page (limit). Default 500, as kubectl. */
  pageSize?: number;
  /** Per request. Default 30 s. */
  timeoutMs?: number;
  /** Extra attempts on 429/5xx/timeouts. Default 3, with exponential backoff from `backoffMs` (default 250 ms). */
  retries?: number;
  backoffMs?: number;
  /** More kinds to read beyond what the rules need. */
  kinds?: string[];
  /** Lists running at once. Default 4. */
  concurrency?: number;
};

export type CollectResult = { objects: SourcedObject[]; facts: ClusterFacts; coverage: CoverageEntry[] };

type VersionInfo = { major?: string; minor?: string; gitVersion?: string; platform?: string };
type NodeLike = K8sObject & { status?: { nodeInfo?: { kubeletVersion?: string; osImage?: string; containerRuntimeVersion?: string } } };

/** Errors that end the whole collection: the cluster cannot be read at all with these credentials. */
const fatal = (err: unknown, server: string): ClusterAccessError | undefined => {
  if (err instanceof ClusterAccessError) return err;
  if (err instanceof ApiStatusError && err.status === 401) return fatalStatusError(err, server);
  return undefined;
};

const readVersion = async (t: Transport): Promise<VersionInfo | undefined> => {
  try {
    const v = await t.get<VersionInfo>("/version");
    return { major: v.major, minor: v.minor, gitVersion: v.gitVersion, platform: v.platform };
  } catch (err) {
    if (err instanceof ApiStatusError && err.status !== 401) return undefined;
    throw fatal(err, t.server) ?? err;
  }
};

const runPool = async <T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>) => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
};

/**
 * Reads a cluster for a scan: version, discovery, then every resource the rules need, page by page.
 * A resource the credentials may not list is a coverage gap, not a failure; an unreachable server, a TLS
 * failure or rejected credentials throw a ClusterAccessError. Secret values never leave the cluster.
 */
export const collectCluster = async (opts: CollectOptions): Promise<CollectResult> => {
  const kc = loadKubeConfig(opts);
  const t = createTransport(kc, { timeoutMs: opts.timeoutMs ?? 30_000, retries: opts.retries ?? 3, backoffMs: opts.backoffMs ?? 250 });
  try {
    return await collectWith(t, opts);
  } finally {
    t.close();
  }
};

const collectWith = async (t: Transport, opts: CollectOptions): Promise<CollectResult> => {
  const serverVersion = await readVersion(t);
  let discovery;
  try {
    discovery = await discover(t);
  } catch (err) {
    const f = fatal(err, t.server);
    if (f) throw f;
    if (err instanceof ApiStatusError && err.status === 403) throw fatalStatusError(err, t.server);
    throw err;
  }
  const coverage: CoverageEntry[] = discovery.failures.map((f) => ({ resource: `discovery ${f.groupVersion}`, status: "error", message: f.message }));
  const targets = collectTargets(discovery.preferred, opts.kinds);
  const results = new Map<ApiResource, K8sObject[]>();
  const pageSize = opts.pageSize ?? 500;
  await runPool(targets, opts.concurrency ?? 4, async (r) => {
    const label = resourceLabel(r);
    const onPage = (n: number) => opts.onProgress?.({ resource: label, objects: n });
    try {
      const items = r.group === "" && r.resource === "secrets" ? await listSecretMetadata(t, r, { pageSize, onPage }) : await listAll(t, r, { pageSize, onPage });
      results.set(r, items.map(sanitizeCollected));
    } catch (err) {
      const f = fatal(err, t.server);
      if (f) throw f;
      const status = err instanceof ApiStatusError && err.status === 403 ? "forbidden" : "error";
      results.set(r, []);
      coverage.push({ resource: label, status, message: err instanceof Error ? err.message : String(err) });
      return;
    }
    coverage.push({ resource: label, status: "ok", objects: results.get(r)?.length ?? 0 });
  });
  const objects = targets.flatMap((r) => results.get(r) ?? []).map((obj) => ({ obj }));
  const nodes = targets.find((r) => r.group === "" && r.resource === "nodes");
  const facts: ClusterFacts = {
    ...(serverVersion ? { serverVersion } : {}),
    apiResources: discovery.all.map(({ group, version, resource, kind, namespaced }) => ({ group, version, resource, kind, namespaced })),
    nodes: (nodes ? (results.get(nodes) as NodeLike[]) : []).map((n) => ({
      name: n.metadata?.name ?? "",
      kubeletVersion: n.status?.nodeInfo?.kubeletVersion,
      osImage: n.status?.nodeInfo?.osImage,
      containerRuntimeVersion: n.status?.nodeInfo?.containerRuntimeVersion,
    })),
  };
  const order = new Map(targets.map((r, i) => [resourceLabel(r), i]));
  coverage.sort((a, b) => (order.get(a.resource) ?? -1) - (order.get(b.resource) ?? -1));
  return { objects, facts, coverage };
};
