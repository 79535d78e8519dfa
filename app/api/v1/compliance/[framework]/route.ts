// GET /api/v1/compliance/:framework?cluster=&namespace= — every control with its status, reason and evidence counts
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { getCompliancePosture } from "@/lib/services/posture/get-compliance-posture";
import { ZScope } from "@/lib/services/posture/scope";

export const GET = withApi({
  permission: "compliance.read",
  schemas: { params: z.object({ framework: z.string().min(1).max(40) }), query: ZScope },
  handler: async ({ ctx, params, query }) => getCompliancePosture({ ctx, framework: params.framework, input: query }),
});
