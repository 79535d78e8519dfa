import "server-only";
import { db } from "@/lib/db";

export const recordHeartbeat = async (w: { id: string; hostname: string; pid: number; startedAt: Date; version: string }) => {
  const now = new Date();
  await db.workerHeartbeat.upsert({ where: { id: w.id }, create: { ...w, seenAt: now }, update: { seenAt: now } });
};
