import "server-only";
import type { Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { REPORT_SELECT, serializeReport } from "./serialize";

type Row = Awaited<ReturnType<typeof findReports>>[number];

const findReports = (where: { orgId: string; id?: string }, take: number) => db.report.findMany({ where, select: REPORT_SELECT, orderBy: { createdAt: "desc" }, take });

/** Reports with the email of whoever asked for them (the user table has no relation to Report). */
export const withRequesters = async (rows: Row[]) => {
  const ids = [...new Set(rows.map((r) => r.requestedById).filter((id): id is string => !!id))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, name: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => serializeReport(r, r.requestedById ? byId.get(r.requestedById) : undefined));
};

export const listOrgReports = async (orgId: string, take = 100) => withRequesters(await findReports({ orgId }, take));

/** "Does not exist" and "not yours" get the same answer. */
export const getReportInOrgOrThrow = async (ctx: Ctx, reportId: string) => {
  const [row] = await findReports({ orgId: ctx.org.id, id: reportId }, 1);
  if (!row) throw new NotFoundError("Report");
  return (await withRequesters([row]))[0];
};
