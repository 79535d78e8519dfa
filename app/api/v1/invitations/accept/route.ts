// POST /api/v1/invitations/accept — public: accept an invitation link, choosing a name and password
import { withApi } from "@/lib/http/with-api";
import { acceptInvitation, ZAcceptInvitation } from "@/lib/services/invitations/accept-invitation";

export const POST = withApi({ auth: false, schemas: { body: ZAcceptInvitation }, handler: async ({ req, body }) => acceptInvitation({ input: body, ip: req.headers.get("x-forwarded-for") ?? undefined }) });
