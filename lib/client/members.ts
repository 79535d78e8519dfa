import { apiFetch } from "./api-client";

export type TRole = "owner" | "admin" | "analyst" | "viewer";
export type TMember = { id: string; userId: string; email: string; name: string | null; role: TRole; createdAt: string; lastSignInAt: string | null };
export type TInvitation = { id: string; email: string; role: TRole; expiresAt: string; createdAt: string };
export type TCreatedInvitation = TInvitation & { token: string; path: string };

export const memberKeys = {
  all: (orgId: string) => ["org", orgId, "members"] as const,
  invitations: (orgId: string) => ["org", orgId, "invitations"] as const,
};

export const fetchMembers = (signal?: AbortSignal) => apiFetch<TMember[]>("/api/v1/members", { signal });
export const fetchInvitations = (signal?: AbortSignal) => apiFetch<TInvitation[]>("/api/v1/invitations", { signal });
export const createInvitation = (body: { email: string; role: TRole }) => apiFetch<TCreatedInvitation>("/api/v1/invitations", { method: "POST", body });
export const revokeInvitation = (id: string) => apiFetch<void>(`/api/v1/invitations/${encodeURIComponent(id)}`, { method: "DELETE" });
export const updateMemberRole = (id: string, role: TRole) => apiFetch<TMember>(`/api/v1/members/${encodeURIComponent(id)}`, { method: "PATCH", body: { role } });
export const removeMember = (id: string) => apiFetch<void>(`/api/v1/members/${encodeURIComponent(id)}`, { method: "DELETE" });
