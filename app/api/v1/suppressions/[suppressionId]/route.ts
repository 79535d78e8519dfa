// DELETE /api/v1/suppressions/:suppressionId — revoke an accepted risk (analyst+)
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { revokeSuppression } from "@/lib/services/suppressions/revoke-suppression";

export const DELETE = withApi({ permission: "findings.write", schemas: { params: z.object({ suppressionId: z.string().min(1).max(64) }) }, handler: async ({ ctx, params }) => revokeSuppression({ ctx, suppressionId: params.suppressionId }) });
