import type { ScanContext } from "../define-rule";
import type { Hit } from "../types";
import { describeChain } from "./hits";
import { effectivePermissions, grantsFor } from "./effective";
import type { Grant } from "./model";
import { describeWorkload, serviceAccountOf, workloadsByServiceAccount } from "./workloads";

/**
 * One hit per token-mounting workload whose ServiceAccount holds a non-default grant that `match`
 * accepts: the cluster-wide grant first, the others counted. `tail` ends the message with what the
 * grant allows.
 */
export const workloadGrantHits = <M,>(ctx: ScanContext, match: (g: Grant) => M | undefined, tail: (g: Grant, m: M, more: string) => string): Hit[] => {
  const perms = effectivePermissions(ctx.snapshot);
  const hits: Hit[] = [];
  for (const workloads of workloadsByServiceAccount(ctx.snapshot).values()) {
    const sa = serviceAccountOf(workloads[0]);
    const found = grantsFor(perms, sa)
      .filter((g) => !g.binding.isDefault)
      .map((g) => ({ g, m: match(g) }))
      .filter((x): x is { g: Grant; m: M } => x.m !== undefined)
      .sort((a, b) => Number(!!a.g.namespace) - Number(!!b.g.namespace));
    if (!found.length) continue;
    const { g, m } = found[0];
    const more = found.length > 1 ? ` (and ${found.length - 1} more binding${found.length > 2 ? "s" : ""})` : "";
    for (const w of workloads) {
      if (!w.mountsToken) continue;
      hits.push({ object: w.obj, path: w.saPath, value: sa.name, message: `${describeWorkload(w)} run as ServiceAccount '${sa.namespace}/${sa.name}', which ${tail(g, m, more)}` });
    }
  }
  return hits;
};
