// GET /api/v1/members — the organization's members and roles
import { withApi } from "@/lib/http/with-api";
import { listMembers } from "@/lib/services/members/list-members";

export const GET = withApi({ permission: "members.read", handler: async ({ ctx }) => listMembers({ ctx }) });
