import "server-only";
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { hashToken } from "../internal";
import { createOrgWithOwner } from "./ensure-first-owner";

export const ZCompleteSetup = z.object({
  token: z.string().min(20).max(200),
  orgName: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});

/** Public: consumes the one-time setup link printed on first start. Works only while no user exists. */
export const completeSetup = async ({ input }: { input: z.input<typeof ZCompleteSetup> }) => {
  const data = ZCompleteSetup.parse(input);
  const claimed = await db.setupToken.updateMany({ where: { tokenHash: hashToken(data.token), usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
  if (claimed.count !== 1 || (await db.user.count()) > 0) throw new NotFoundError("Setup link (it may have been used or expired)");
  const { user } = await createOrgWithOwner(data);
  return { email: user.email };
};
