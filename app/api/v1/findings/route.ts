// GET /api/v1/findings — the findings explorer: filters, sorting, pagination, grouping by rule or resource
import { withApi } from "@/lib/http/with-api";
import { ZFindingFilters } from "@/lib/services/findings/filters";
import { listFindings } from "@/lib/services/findings/list-findings";

export const GET = withApi({ permission: "findings.read", schemas: { query: ZFindingFilters }, handler: async ({ ctx, query }) => listFindings({ ctx, input: query }) });
