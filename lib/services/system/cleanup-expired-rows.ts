import "server-only";
import { db } from "@/lib/db";

const DAY_MS = 86_400_000;

/** Housekeeping run by the workers; bounded deletes keyed by time. */
export const cleanupExpiredRows = async (now = new Date()) => {
  const [attempts, setupTokens, heartbeats] = await Promise.all([
    db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - DAY_MS) } } }),
    db.setupToken.deleteMany({ where: { OR: [{ usedAt: { not: null } }, { expiresAt: { lt: now } }] } }),
    db.workerHeartbeat.deleteMany({ where: { seenAt: { lt: new Date(now.getTime() - 7 * DAY_MS) } } }),
  ]);
  return { attempts: attempts.count, setupTokens: setupTokens.count, heartbeats: heartbeats.count };
};
