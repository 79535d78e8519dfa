// DELETE /api/v1/invitations/:invitationId — revoke a pending invitation
import { withApi } from "@/lib/http/with-api";
import { revokeInvitation, ZRevokeInvitation } from "@/lib/services/invitations/revoke-invitation";

export const DELETE = withApi({ permission: "members.write", schemas: { params: ZRevokeInvitation }, handler: async ({ ctx, params }) => revokeInvitation({ ctx, input: params }) });
