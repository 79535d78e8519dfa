// GET /api/v1/investigations/resource?cluster=&namespace=&resource=&name=&range= — who touched an object and how
import { withApi } from "@/lib/http/with-api";
import { getResourceActivity, ZResourceQuery } from "@/lib/services/investigations/get-resource-activity";

export const GET = withApi({ permission: "investigations.read", schemas: { query: ZResourceQuery }, handler: async ({ ctx, query }) => getResourceActivity({ ctx, input: query }) });
