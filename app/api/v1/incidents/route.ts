// GET /api/v1/incidents — incidents from the audit log: filters (status, severity, cluster, principal, time), pagination
import { withApi } from "@/lib/http/with-api";
import { ZIncidentFilters } from "@/lib/services/incidents/incident-filters";
import { listIncidents } from "@/lib/services/incidents/list-incidents";

export const GET = withApi({ permission: "investigations.read", schemas: { query: ZIncidentFilters }, handler: async ({ ctx, query }) => listIncidents({ ctx, input: query }) });
