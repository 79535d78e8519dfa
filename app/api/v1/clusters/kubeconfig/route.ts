// POST /api/v1/clusters/kubeconfig — list the contexts of an uploaded kubeconfig (nothing is stored)
import { withApi } from "@/lib/http/with-api";
import { inspectKubeconfig, ZInspectKubeconfig } from "@/lib/services/clusters/inspect-kubeconfig";

export const POST = withApi({ permission: "clusters.write", schemas: { body: ZInspectKubeconfig }, handler: async ({ ctx, body }) => inspectKubeconfig({ ctx, input: body }) });
