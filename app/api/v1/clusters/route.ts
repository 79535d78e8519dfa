// GET|POST /api/v1/clusters — the org's clusters with status and counts; add clusters (admin)
import { withApi } from "@/lib/http/with-api";
import { createClusters, ZCreateClusters } from "@/lib/services/clusters/create-clusters";
import { listClusters } from "@/lib/services/clusters/list-clusters";

export const GET = withApi({ permission: "clusters.read", handler: async ({ ctx }) => listClusters({ ctx }) });
export const POST = withApi({ permission: "clusters.write", schemas: { body: ZCreateClusters }, handler: async ({ ctx, body }) => createClusters({ ctx, input: body }) });
