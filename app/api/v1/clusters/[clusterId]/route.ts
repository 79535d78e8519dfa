// GET|DELETE /api/v1/clusters/:clusterId — one cluster with its recent scans; remove it and its data (admin, confirm by name)
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { deleteCluster, ZDeleteCluster } from "@/lib/services/clusters/delete-cluster";
import { getCluster } from "@/lib/services/clusters/get-cluster";

const ZParams = z.object({ clusterId: z.string().min(1).max(64) });

export const GET = withApi({ permission: "clusters.read", schemas: { params: ZParams }, handler: async ({ ctx, params }) => getCluster({ ctx, clusterId: params.clusterId }) });
export const DELETE = withApi({ permission: "clusters.write", schemas: { params: ZParams, body: ZDeleteCluster }, handler: async ({ ctx, params, body }) => deleteCluster({ ctx, clusterId: params.clusterId, input: body }) });
