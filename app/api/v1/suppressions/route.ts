// GET|POST /api/v1/suppressions — accepted risks; suppress a finding, resource, namespace or rule (analyst+)
import { withApi } from "@/lib/http/with-api";
import { createSuppression, ZCreateSuppression } from "@/lib/services/suppressions/create-suppression";
import { listSuppressions } from "@/lib/services/suppressions/list-suppressions";

export const GET = withApi({ permission: "findings.read", handler: async ({ ctx }) => listSuppressions({ ctx }) });
export const POST = withApi({ permission: "findings.write", schemas: { body: ZCreateSuppression }, handler: async ({ ctx, body }) => createSuppression({ ctx, input: body }) });
