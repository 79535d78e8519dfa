import "server-only";
import type { Ctx } from "@/lib/auth/context";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";

/** The signed-in user, their organization, role and permissions (the UI hides what the server would refuse anyway). */
export const getMe = ({ ctx }: { ctx: Ctx }) => ({ user: ctx.user, org: ctx.org, role: ctx.role, permissions: [...ROLE_PERMISSIONS[ctx.role]] });
