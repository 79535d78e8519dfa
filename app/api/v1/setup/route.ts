// POST /api/v1/setup — public: first-run setup through the one-time link printed at start
import { withApi } from "@/lib/http/with-api";
import { completeSetup, ZCompleteSetup } from "@/lib/services/bootstrap/complete-setup";

export const POST = withApi({ auth: false, schemas: { body: ZCompleteSetup }, handler: async ({ body }) => completeSetup({ input: body }) });
