import fs from "node:fs";
import { register } from "node:module";
import path from "node:path";
import type { CoverageEntry } from "../../../lib/scanner/format/report";
import type { ClusterFacts, SourcedObject } from "../../../lib/scanner/types";

export type CollectClusterOptions = {
  kubeconfigPath?: string;
  context?: string;
  onProgress?: (p: { resource: string; objects: number }) => void;
};
export type CollectClusterResult = { objects: SourcedObject[]; facts: ClusterFacts; coverage: CoverageEntry[] };
type CollectCluster = (opts: CollectClusterOptions) => Promise<CollectClusterResult>;

const COLLECT_MODULE = path.join(import.meta.dirname, "..", "..", "..", "lib", "clusters", "collect.ts");

// lib/clusters modules start with `import "server-only"`, which throws outside a React server build: map it to nothing here.
const SERVER_ONLY_SHIM = `data:text/javascript,${encodeURIComponent(
  'export async function resolve(s, c, n) { return s === "server-only" ? { url: "data:text/javascript,export {}", shortCircuit: true } : n(s, c); }',
)}`;

export class ClusterUnavailableError extends Error {}

/** Loads lib/clusters/collect.ts on demand, so that file scans work in builds without it. */
export const loadCollectCluster = async (): Promise<CollectCluster> => {
  if (!fs.existsSync(COLLECT_MODULE)) throw new ClusterUnavailableError("live cluster scanning is not available in this build (lib/clusters/collect.ts is missing)");
  register(SERVER_ONLY_SHIM);
  const mod = (await import(COLLECT_MODULE)) as { collectCluster?: CollectCluster };
  if (typeof mod.collectCluster !== "function") throw new ClusterUnavailableError("lib/clusters/collect.ts does not export collectCluster()");
  return mod.collectCluster;
};

export const collectFromCluster = async (opts: { context: string; kubeconfigPath?: string; verbose: boolean }): Promise<CollectClusterResult> => {
  const collectCluster = await loadCollectCluster();
  const progress = opts.verbose
    ? (p: { resource: string; objects: number }) => process.stderr.write(`tower: collected ${p.objects} ${p.resource}\n`)
    : undefined;
  return collectCluster({ context: opts.context, kubeconfigPath: opts.kubeconfigPath, onProgress: progress });
};
