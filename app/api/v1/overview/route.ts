// GET /api/v1/overview?range=30|90&framework=cis — fleet score and trend, findings over time, riskiest clusters, namespaces and rules, open incidents, coverage problems
import { withApi } from "@/lib/http/with-api";
import { getOverview, ZOverviewQuery } from "@/lib/services/overview/get-overview";

export const GET = withApi({ permission: "compliance.read", schemas: { query: ZOverviewQuery }, handler: async ({ ctx, query }) => getOverview({ ctx, input: query }) });
