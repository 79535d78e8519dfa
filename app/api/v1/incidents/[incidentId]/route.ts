// GET|PATCH /api/v1/incidents/:incidentId — an incident with its timeline and story; triage it (analyst+)
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { getIncident } from "@/lib/services/incidents/get-incident";
import { ZUpdateIncident } from "@/lib/services/incidents/incident-filters";
import { updateIncident } from "@/lib/services/incidents/update-incident";

const ZParams = z.object({ incidentId: z.string().min(1).max(64) });

export const GET = withApi({ permission: "investigations.read", schemas: { params: ZParams }, handler: async ({ ctx, params }) => getIncident({ ctx, incidentId: params.incidentId }) });
export const PATCH = withApi({ permission: "investigations.write", schemas: { params: ZParams, body: ZUpdateIncident }, handler: async ({ ctx, params, body }) => updateIncident({ ctx, incidentId: params.incidentId, input: body }) });
