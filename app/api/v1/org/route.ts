// GET|PATCH /api/v1/org — the caller's organization; rename (admin)
import { withApi } from "@/lib/http/with-api";
import { getOrg } from "@/lib/services/org/get-org";
import { updateOrg, ZUpdateOrg } from "@/lib/services/org/update-org";

export const GET = withApi({ permission: "org.read", handler: async ({ ctx }) => getOrg({ ctx }) });
export const PATCH = withApi({ permission: "org.write", schemas: { body: ZUpdateOrg }, handler: async ({ ctx, body }) => updateOrg({ ctx, input: body }) });
