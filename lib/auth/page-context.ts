import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { UnauthorizedError } from "@/lib/errors";
import { contextFromToken, type Ctx } from "./context";
import { authOptions } from "./options";

/** For server components: the caller's context, or a redirect to sign-in. Cached per request. */
export const getPageContext = cache(async (): Promise<Ctx> => {
  const session = await getServerSession(authOptions());
  const h = await headers();
  try {
    return await contextFromToken(session ? { uid: session.uid, orgId: session.orgId } : null, { requestId: h.get("x-request-id") ?? "page", userAgent: h.get("user-agent") ?? undefined });
  } catch (err) {
    if (err instanceof UnauthorizedError) redirect("/signin");
    throw err;
  }
});
