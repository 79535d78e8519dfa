// GET /api/v1/me — the signed-in user, organization, role and permissions
import { withApi } from "@/lib/http/with-api";
import { getMe } from "@/lib/services/me/get-me";

export const GET = withApi({ handler: async ({ ctx }) => getMe({ ctx }) });
