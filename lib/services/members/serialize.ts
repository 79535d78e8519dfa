import type { TRole } from "@/lib/auth/permissions";

export type TMemberDto = { id: string; userId: string; email: string; name: string | null; role: TRole; createdAt: string; lastSignInAt: string | null };

export const serializeMember = (m: { id: string; role: TRole; createdAt: Date; user: { id: string; email: string; name: string | null; lastSignInAt: Date | null } }): TMemberDto => ({
  id: m.id,
  userId: m.user.id,
  email: m.user.email,
  name: m.user.name,
  role: m.role,
  createdAt: m.createdAt.toISOString(),
  lastSignInAt: m.user.lastSignInAt?.toISOString() ?? null,
});
