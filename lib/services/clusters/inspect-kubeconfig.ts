import "server-only";
import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { ClusterAccessError } from "@/lib/clusters/k8s-errors";
import { listKubeconfigContexts } from "@/lib/clusters/kubeconfig-contexts";
import { kubeconfigFromToken } from "@/lib/clusters/kubeconfig-contexts";
import { testConnection } from "@/lib/clusters/test-connection";
import { ValidationError } from "@/lib/errors";

export const ZInspectKubeconfig = z.object({ kubeconfig: z.string().min(10).max(256 * 1024) });

/** Lists an uploaded kubeconfig's contexts without storing anything. */
export const inspectKubeconfig = async ({ ctx, input }: { ctx: Ctx; input: z.input<typeof ZInspectKubeconfig> }) => {
  requirePermission(ctx, "clusters.write");
  const { kubeconfig } = ZInspectKubeconfig.parse(input);
  try {
    return { contexts: listKubeconfigContexts(kubeconfig) };
  } catch (err) {
    if (err instanceof ClusterAccessError) throw new ValidationError(err.message);
    throw err;
  }
};

export const ZTestConnection = z.union([
  z.object({ kubeconfig: z.string().min(10).max(256 * 1024), context: z.string().min(1).max(253) }),
  z.object({ server: z.url(), caData: z.string().max(64 * 1024).optional(), token: z.string().min(10).max(16 * 1024) }),
]);

/** "Test connection" before saving: reachability, version, and which resource types the credentials may read. */
export const checkClusterConnection = async ({ ctx, input }: { ctx: Ctx; input: z.input<typeof ZTestConnection> }) => {
  requirePermission(ctx, "clusters.write");
  const data = ZTestConnection.parse(input);
  const source = "kubeconfig" in data ? { kubeconfig: data.kubeconfig, context: data.context, allowLocalFiles: false } : { kubeconfig: kubeconfigFromToken({ ...data, name: "tower-test" }), allowLocalFiles: false };
  return testConnection(source);
};
