import { collectTargets, resourceLabel } from "./collect-targets";
import { discover } from "./discovery";
import { ApiStatusError, ClusterAccessError } from "./k8s-errors";
import { loadKubeConfig, type KubeconfigSource } from "./load-kubeconfig";
import { createTransport } from "./transport";

export type TAccessCheck = { resource: string; kind: string; allowed: boolean; message?: string };
export type TConnectionResult =
  | { ok: true; server: string; version: string | null; checks: TAccessCheck[]; readable: number; total: number }
  | { ok: false; server: string; reason: string; message: string };

const METADATA_ONLY = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";

/**
 * "Test connection": reachability, server version, and for every resource type the rules need, whether
 * these credentials may list it. Each check is a real list of one item (metadata only), so it reports
 * exactly the access a scan will have, whatever authorizer the cluster uses.
 */
export const testConnection = async (src: KubeconfigSource, opts: { timeoutMs?: number } = {}): Promise<TConnectionResult> => {
  let server = "";
  try {
    const kc = loadKubeConfig(src);
    server = kc.getCurrentCluster()?.server ?? "";
    const t = createTransport(kc, { timeoutMs: opts.timeoutMs ?? 10_000, retries: 1, backoffMs: 200 });
    try {
      const version = await t.get<{ gitVersion?: string }>("/version").then((v) => v.gitVersion ?? null, (err) => (err instanceof ApiStatusError && err.status !== 401 ? null : Promise.reject(err)));
      const targets = collectTargets((await discover(t)).preferred);
      const checks: TAccessCheck[] = [];
      for (const r of targets) {
        const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
        try {
          await t.get(`${base}/${r.resource}`, { accept: METADATA_ONLY, query: { limit: 1 } });
          checks.push({ resource: resourceLabel(r), kind: r.kind, allowed: true });
        } catch (err) {
          if (!(err instanceof ApiStatusError)) throw err;
          checks.push({ resource: resourceLabel(r), kind: r.kind, allowed: false, message: err.status === 403 ? "forbidden" : err.message });
        }
      }
      return { ok: true, server, version, checks, readable: checks.filter((c) => c.allowed).length, total: checks.length };
    } finally {
      t.close();
    }
  } catch (err) {
    if (err instanceof ClusterAccessError) return { ok: false, server, reason: err.reason, message: err.message };
    if (err instanceof ApiStatusError) return { ok: false, server, reason: err.status === 401 ? "unauthorized" : "server", message: err.message };
    throw err;
  }
};
