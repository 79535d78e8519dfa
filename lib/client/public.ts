import { apiFetch } from "./api-client";

export const acceptInvitation = (body: { token: string; name: string; password: string }) => apiFetch<{ email: string }>("/api/v1/invitations/accept", { method: "POST", body });
export const completeSetup = (body: { token: string; orgName: string; name: string; email: string; password: string }) => apiFetch<{ email: string }>("/api/v1/setup", { method: "POST", body });
