// GET /api/v1/incidents/:incidentId/export?format=jsonl|csv — the principal's events over the incident window, streamed
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { exportIncidentEvents, ZExportQuery } from "@/lib/services/incidents/export-incident-events";

export const GET = withApi({
  permission: "investigations.read",
  schemas: { params: z.object({ incidentId: z.string().min(1).max(64) }), query: ZExportQuery },
  handler: async ({ ctx, params, query }) => exportIncidentEvents({ ctx, incidentId: params.incidentId, input: query }),
});
