import "server-only";
import crypto from "node:crypto";
import type { Ctx } from "@/lib/auth/context";
import type { AuditActor } from "./audit/record-audit";

export const actorOf = (ctx: Ctx): AuditActor => ({ orgId: ctx.org.id, actorId: ctx.user.id, actorEmail: ctx.user.email, ip: ctx.ip, userAgent: ctx.userAgent });

export const newToken = () => crypto.randomBytes(32).toString("base64url");
export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
