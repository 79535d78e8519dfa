import "server-only";
import { db } from "@/lib/db";

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 20;

/** True when this email or IP has failed too often recently; counted in Postgres so that every web process agrees. */
export const isSignInBlocked = async (email: string, ip: string | undefined): Promise<boolean> => {
  const since = new Date(Date.now() - WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    db.signInAttempt.count({ where: { key: `email:${email}`, success: false, createdAt: { gte: since } } }),
    ip ? db.signInAttempt.count({ where: { key: `ip:${ip}`, success: false, createdAt: { gte: since } } }) : Promise.resolve(0),
  ]);
  return byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP;
};

export const recordSignInAttempt = async (email: string, ip: string | undefined, success: boolean) => {
  const rows = [{ key: `email:${email}`, success }, ...(ip ? [{ key: `ip:${ip}`, success }] : [])];
  await db.signInAttempt.createMany({ data: rows });
  if (success) await db.signInAttempt.deleteMany({ where: { key: `email:${email}`, success: false } });
};
