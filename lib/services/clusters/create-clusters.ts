import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { extractContext, kubeconfigFromToken } from "@/lib/clusters/kubeconfig-contexts";
import { sealKubeconfig } from "@/lib/clusters/vault";
import { db } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import { actorOf } from "../internal";
import { enqueueJob } from "../jobs/enqueue-job";
import { serializeCluster } from "./serialize";

const ZName = z.string().trim().min(1).max(63).regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/, "letters, digits, '.', '_' and '-' only");
const ZClusterMeta = z.object({ name: ZName, environment: z.enum(["prod", "staging", "dev"]).default("dev"), ownerTeam: z.string().trim().max(100).optional(), scanIntervalMinutes: z.number().int().min(5).max(1440).default(15) });

export const ZCreateClusters = z.union([
  z.object({ kubeconfig: z.string().min(10).max(256 * 1024), contexts: z.array(ZClusterMeta.extend({ context: z.string().min(1).max(253) })).min(1).max(50) }),
  z.object({ manual: ZClusterMeta.extend({ server: z.url().refine((u) => u.startsWith("https://"), "the API server must be https://"), caData: z.string().max(64 * 1024).optional(), token: z.string().min(10).max(16 * 1024) }) }),
]);

type Prepared = { meta: z.infer<typeof ZClusterMeta>; kubeconfig: string; server: string; contextName?: string };

const prepare = (input: z.infer<typeof ZCreateClusters>): Prepared[] => {
  if ("manual" in input) {
    const m = input.manual;
    return [{ meta: m, kubeconfig: kubeconfigFromToken({ server: m.server, caData: m.caData, token: m.token, name: m.name }), server: m.server }];
  }
  return input.contexts.map((c) => {
    try {
      const { kubeconfig, server } = extractContext(input.kubeconfig, c.context);
      return { meta: c, kubeconfig, server, contextName: c.context };
    } catch (err) {
      throw new ValidationError(`Context "${c.context}": ${err instanceof Error ? err.message : "cannot be used"}`);
    }
  });
};

/** Saves one cluster per chosen context, the credential encrypted, and queues each first scan. */
export const createClusters = async ({ ctx, input }: { ctx: Ctx; input: z.input<typeof ZCreateClusters> }) => {
  requirePermission(ctx, "clusters.write");
  const prepared = prepare(ZCreateClusters.parse(input));
  const names = prepared.map((p) => p.meta.name);
  if (new Set(names).size !== names.length) throw new ValidationError("Each cluster needs its own name");
  return db.$transaction(async (tx) => {
    const taken = await tx.cluster.findMany({ where: { orgId: ctx.org.id, name: { in: names } }, select: { name: true } });
    if (taken.length) throw new ConflictError(`A cluster named ${taken.map((t) => `"${t.name}"`).join(", ")} already exists`);
    const created = [];
    for (const p of prepared) {
      const sealed = sealKubeconfig(p.kubeconfig);
      const cluster = await tx.cluster.create({
        data: { orgId: ctx.org.id, name: p.meta.name, environment: p.meta.environment, ownerTeam: p.meta.ownerTeam, scanIntervalMinutes: p.meta.scanIntervalMinutes, server: p.server, contextName: p.contextName, credential: { create: sealed } },
      });
      const scan = await tx.scanRun.create({ data: { orgId: ctx.org.id, clusterId: cluster.id, trigger: "onboarding", requestedById: ctx.user.id } });
      await enqueueJob(tx, "cluster.scan", { clusterId: cluster.id, scanId: scan.id }, { jobKey: `cluster.scan:${cluster.id}` });
      await recordAudit(tx, actorOf(ctx), { action: "cluster.create", targetType: "cluster", targetId: cluster.id, after: { name: cluster.name, server: cluster.server, environment: cluster.environment } });
      created.push(serializeCluster(cluster));
    }
    return created;
  });
};
