import "server-only";
import type { TAllowListEntry } from "@/lib/client/investigations";
import { DETECTIONS } from "@/lib/audit";

const TITLES = new Map(DETECTIONS.map((d) => [d.id, d.title]));

type Row = { id: string; principal: string; detectionId: string | null; clusterId: string | null; reason: string; createdById: string | null; createdAt: Date };

export const serializeAllowListEntry = (e: Row, refs: { clusters: Map<string, string>; people: Map<string, string> }): TAllowListEntry => ({
  id: e.id,
  principal: e.principal,
  detectionId: e.detectionId,
  detectionTitle: e.detectionId ? (TITLES.get(e.detectionId) ?? null) : null,
  cluster: e.clusterId ? { id: e.clusterId, name: refs.clusters.get(e.clusterId) ?? "(deleted cluster)" } : null,
  reason: e.reason,
  createdBy: e.createdById ? (refs.people.get(e.createdById) ?? null) : null,
  createdAt: e.createdAt.toISOString(),
});
