export type TSeverityCounts = { critical: number; high: number; medium: number; low: number; info: number };

export type TClusterDto = {
  id: string;
  name: string;
  environment: string;
  ownerTeam: string | null;
  server: string;
  isDemo: boolean;
  status: string;
  statusReason: string | null;
  scanIntervalMinutes: number;
  lastScanAt: string | null;
  lastGoodScanAt: string | null;
  serverVersion: string | null;
  coverage: Array<{ resource: string; status: string; objects?: number; message?: string }> | null;
  createdAt: string;
};

type ClusterRow = { id: string; name: string; environment: string; ownerTeam: string | null; server: string; isDemo: boolean; status: string; statusReason: string | null; scanIntervalMinutes: number; lastScanAt: Date | null; lastGoodScanAt: Date | null; serverVersion: string | null; coverage: unknown; createdAt: Date };

/** Never includes the credential: it stays in the database, encrypted, and in lib/clusters. */
export const serializeCluster = (c: ClusterRow): TClusterDto => ({
  id: c.id,
  name: c.name,
  environment: c.environment,
  ownerTeam: c.ownerTeam,
  server: c.server,
  isDemo: c.isDemo,
  status: c.status,
  statusReason: c.statusReason,
  scanIntervalMinutes: c.scanIntervalMinutes,
  lastScanAt: c.lastScanAt?.toISOString() ?? null,
  lastGoodScanAt: c.lastGoodScanAt?.toISOString() ?? null,
  serverVersion: c.serverVersion,
  coverage: (c.coverage as TClusterDto["coverage"]) ?? null,
  createdAt: c.createdAt.toISOString(),
});

export const serializeScan = (s: { id: string; status: string; trigger: string; startedAt: Date | null; finishedAt: Date | null; progress: unknown; error: string | null; objectsTotal: number; objectsAdded: number; objectsChanged: number; objectsRemoved: number; findingsTotal: number; findingsNew: number; findingsResolved: number; findingsRegressed: number; createdAt: Date }) => ({
  id: s.id,
  status: s.status,
  trigger: s.trigger,
  startedAt: s.startedAt?.toISOString() ?? null,
  finishedAt: s.finishedAt?.toISOString() ?? null,
  progress: s.progress as { phase?: string; resources?: number; resourcesDone?: number; objects?: number; current?: string } | null,
  error: s.error,
  objects: { total: s.objectsTotal, added: s.objectsAdded, changed: s.objectsChanged, removed: s.objectsRemoved },
  findings: { total: s.findingsTotal, new: s.findingsNew, resolved: s.findingsResolved, regressed: s.findingsRegressed },
  createdAt: s.createdAt.toISOString(),
});
export type TScanDto = ReturnType<typeof serializeScan>;
