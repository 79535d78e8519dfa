// PATCH|DELETE /api/v1/members/:memberId — change a member's role, remove a member
import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { withApi } from "@/lib/http/with-api";
import { removeMember } from "@/lib/services/members/remove-member";
import { updateMemberRole } from "@/lib/services/members/update-member-role";

const ZParams = z.object({ memberId: z.string().min(1).max(64) });

export const PATCH = withApi({
  permission: "members.write",
  schemas: { params: ZParams, body: z.object({ role: z.enum(ROLES) }) },
  handler: async ({ ctx, params, body }) => updateMemberRole({ ctx, input: { memberId: params.memberId, role: body.role } }),
});
export const DELETE = withApi({ permission: "members.write", schemas: { params: ZParams }, handler: async ({ ctx, params }) => removeMember({ ctx, input: params }) });
