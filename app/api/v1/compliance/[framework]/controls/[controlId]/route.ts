// GET /api/v1/compliance/:framework/controls/:controlId?cluster=&namespace= — one control's failing resources and their findings
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { getComplianceControl } from "@/lib/services/posture/get-compliance-control";
import { ZScope } from "@/lib/services/posture/scope";

export const GET = withApi({
  permission: "compliance.read",
  schemas: { params: z.object({ framework: z.string().min(1).max(40), controlId: z.string().min(1).max(120) }), query: ZScope },
  handler: async ({ ctx, params, query }) => getComplianceControl({ ctx, framework: params.framework, controlId: params.controlId, input: query }),
});
