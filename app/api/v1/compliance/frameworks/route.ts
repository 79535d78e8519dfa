// GET /api/v1/compliance/frameworks — every framework with the fleet's current score, and the clusters/namespaces to filter by
import { withApi } from "@/lib/http/with-api";
import { listComplianceFrameworks } from "@/lib/services/posture/list-frameworks";

export const GET = withApi({ permission: "compliance.read", handler: async ({ ctx }) => listComplianceFrameworks({ ctx }) });
