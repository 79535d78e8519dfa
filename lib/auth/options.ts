import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { isSignInBlocked, recordSignInAttempt } from "./rate-limit";

const ZCredentials = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()), password: z.string().min(1).max(1024) });

export const authSecret = () => env().TOWER_AUTH_SECRET ?? env().NEXTAUTH_SECRET;

const clientIp = (headers: Record<string, unknown> | undefined): string | undefined => {
  const fwd = headers?.["x-forwarded-for"];
  return typeof fwd === "string" ? fwd.split(",")[0].trim() : undefined;
};

export const authorizeWithPassword = async (raw: unknown, headers: Record<string, unknown> | undefined) => {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const ip = clientIp(headers);
  if (await isSignInBlocked(email, ip)) throw new Error("RateLimited");
  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const ok = user && !user.disabled ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  await recordSignInAttempt(email, ip, !!ok);
  if (!user || !ok) return null;
  const membership = await db.membership.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, { orgId: membership?.orgId, actorId: user.id, actorEmail: user.email, ip }, { action: "user.sign_in", targetType: "user", targetId: user.id, after: { method: "password" } });
  });
  return { id: user.id, email: user.email, name: user.name };
};

const oidcProvider = () => {
  const e = env();
  if (!e.TOWER_OIDC_ISSUER || !e.TOWER_OIDC_CLIENT_ID || !e.TOWER_OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: e.TOWER_OIDC_NAME,
      type: "oauth" as const,
      wellKnown: `${e.TOWER_OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.TOWER_OIDC_CLIENT_ID,
      clientSecret: e.TOWER_OIDC_CLIENT_SECRET,
      idToken: true,
      checks: ["pkce", "state"] as ("pkce" | "state")[],
      authorization: { params: { scope: "openid email profile" } },
      profile: (p: { sub: string; email?: string; name?: string }) => ({ id: p.sub, email: p.email?.toLowerCase() ?? null, name: p.name ?? null }),
    },
  ];
};

/** SSO users must already be members (invited by email); SSO never creates accounts on its own. */
const resolveOidcUser = async (email: string | null | undefined) => {
  if (!email) return null;
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  return user && !user.disabled ? user : null;
};

export const authOptions = (): NextAuthOptions => ({
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: Math.round(env().TOWER_SESSION_MAX_AGE_HOURS * 3600) },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorizeWithPassword(credentials, req?.headers as Record<string, unknown> | undefined),
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    signIn: async ({ account, user }) => (account?.provider === "oidc" ? !!(await resolveOidcUser(user.email)) : true),
    jwt: async ({ token, user, account }) => {
      if (user && account) {
        const dbUser = account.provider === "oidc" ? await resolveOidcUser(user.email) : { id: user.id };
        if (!dbUser) return token;
        const membership = await db.membership.findFirst({ where: { userId: dbUser.id }, orderBy: { createdAt: "asc" } });
        token.uid = dbUser.id;
        token.orgId = membership?.orgId;
      }
      return token;
    },
    session: async ({ session, token }) => ({ ...session, uid: token.uid, orgId: token.orgId }),
  },
});
