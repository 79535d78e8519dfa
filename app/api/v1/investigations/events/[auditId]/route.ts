// GET /api/v1/investigations/events/:auditId?cluster=&stage= — one audit event's raw JSON as received
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { getRawEvent, ZRawEventQuery } from "@/lib/services/investigations/get-raw-event";

export const GET = withApi({
  permission: "investigations.read",
  schemas: { params: z.object({ auditId: z.string().min(1).max(200) }), query: ZRawEventQuery },
  handler: async ({ ctx, params, query }) => getRawEvent({ ctx, auditId: params.auditId, input: query }),
});
