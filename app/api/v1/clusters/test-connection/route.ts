// POST /api/v1/clusters/test-connection — reachability, version and read coverage of credentials (nothing is stored)
import { withApi } from "@/lib/http/with-api";
import { checkClusterConnection, ZTestConnection } from "@/lib/services/clusters/inspect-kubeconfig";

export const POST = withApi({ permission: "clusters.write", schemas: { body: ZTestConnection }, handler: async ({ ctx, body }) => checkClusterConnection({ ctx, input: body }) });
