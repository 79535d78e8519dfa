// GET|POST /api/v1/invitations — pending invitations; invite a user by email with a role
import { withApi } from "@/lib/http/with-api";
import { createInvitation, ZCreateInvitation } from "@/lib/services/invitations/create-invitation";
import { listInvitations } from "@/lib/services/invitations/list-invitations";

export const GET = withApi({ permission: "members.read", handler: async ({ ctx }) => listInvitations({ ctx }) });
export const POST = withApi({ permission: "members.write", schemas: { body: ZCreateInvitation }, handler: async ({ ctx, body }) => createInvitation({ ctx, input: body }) });
