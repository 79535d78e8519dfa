// GET /api/v1/investigations/principal?principal=&cluster=&range= — what a user or service account did in a time range
import { withApi } from "@/lib/http/with-api";
import { getPrincipalActivity, ZPrincipalQuery } from "@/lib/services/investigations/get-principal-activity";

export const GET = withApi({ permission: "investigations.read", schemas: { query: ZPrincipalQuery }, handler: async ({ ctx, query }) => getPrincipalActivity({ ctx, input: query }) });
