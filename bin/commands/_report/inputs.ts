import type { CoverageGap } from "../../../lib/compliance/types";
import { kindOfResource } from "../../../lib/compliance/targets";
import type { CoverageEntry, ReportError } from "../../../lib/scanner/format/report";
import type { ClusterFacts, SourcedObject } from "../../../lib/scanner/types";
import { collectFromCluster } from "../_scan/cluster";
import { UsageError } from "../_scan/options";
import { readAndParse } from "../_scan/pipeline";
import type { ReportFlags } from "./options";

const MAX_FILE_SIZE = 50 * 1024 * 1024;

export type ReportInputs = { objects: SourcedObject[]; errors: ReportError[]; filesRead: number; facts?: ClusterFacts; coverage?: CoverageEntry[] };

const progress = (msg: string) => process.stderr.write(`tower: ${msg}\n`);

/** Manifests from PATHs, or a live cluster with --cluster (through lib/clusters collectCluster). */
export const readReportInputs = async (paths: string[], flags: ReportFlags): Promise<ReportInputs> => {
  if (flags.cluster) {
    if (paths.length) throw new UsageError("give either PATH... or --cluster, not both");
    progress(`collecting from cluster ${flags.cluster}`);
    const collected = await collectFromCluster({ context: flags.cluster, kubeconfigPath: flags.kubeconfig, verbose: !!flags.verbose });
    return { objects: collected.objects, errors: [], filesRead: 1, facts: collected.facts, coverage: collected.coverage };
  }
  if (!paths.length) throw new UsageError("give at least one PATH (a file, a directory, or - for stdin), or --cluster CONTEXT");
  progress(`reading ${paths.join(", ")}`);
  const parsed = await readAndParse(paths, MAX_FILE_SIZE);
  return { objects: parsed.objects, errors: parsed.errors, filesRead: parsed.filesRead };
};

/** The collector names resources; the assessment needs the kinds the rules read. */
export const coverageGapsOf = (coverage: readonly CoverageEntry[] | undefined, knownKinds: Iterable<string>): CoverageGap[] =>
  (coverage ?? [])
    .filter((c) => c.status !== "ok")
    .map((c) => ({ kind: kindOfResource(c.resource, knownKinds) ?? c.resource, reason: `could not list ${c.resource} (${c.status}${c.message ? `: ${c.message}` : ""})` }));
