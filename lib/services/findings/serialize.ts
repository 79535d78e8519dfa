export type TFindingDto = {
  id: string;
  clusterId: string;
  clusterName: string;
  ruleId: string;
  ruleName: string;
  title: string;
  severity: "critical" | "high" | "medium" | "low" | "info";
  theme: string;
  message: string;
  resource: { apiVersion: string; kind: string; namespace: string; name: string };
  evidence: Array<{ path: string; value?: unknown }>;
  status: "new" | "open" | "resolved" | "regressed";
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  suppression: { id: string; reason: string; expiresAt: string | null } | null;
};

type Row = {
  id: string; clusterId: string; ruleId: string; ruleName: string; title: string; severity: TFindingDto["severity"]; theme: string; message: string;
  apiVersion: string; kind: string; namespace: string; name: string; evidence: unknown; status: TFindingDto["status"]; firstSeenAt: Date; lastSeenAt: Date; resolvedAt: Date | null;
  cluster: { name: string; lastGoodScanAt?: Date | null }; suppression: { id: string; reason: string; expiresAt: Date | null } | null;
};

export const serializeFinding = (f: Row): TFindingDto => ({
  id: f.id,
  clusterId: f.clusterId,
  clusterName: f.cluster.name,
  ruleId: f.ruleId,
  ruleName: f.ruleName,
  title: f.title,
  severity: f.severity,
  theme: f.theme,
  message: f.message,
  resource: { apiVersion: f.apiVersion, kind: f.kind, namespace: f.namespace, name: f.name },
  evidence: (f.evidence as TFindingDto["evidence"]) ?? [],
  status: f.status,
  firstSeenAt: f.firstSeenAt.toISOString(),
  // Unchanged open findings are not rewritten by each scan (record-scan-results): the cluster's last good scan saw them.
  lastSeenAt: (f.status !== "resolved" && f.cluster.lastGoodScanAt && f.cluster.lastGoodScanAt > f.lastSeenAt ? f.cluster.lastGoodScanAt : f.lastSeenAt).toISOString(),
  resolvedAt: f.resolvedAt?.toISOString() ?? null,
  suppression: f.suppression ? { id: f.suppression.id, reason: f.suppression.reason, expiresAt: f.suppression.expiresAt?.toISOString() ?? null } : null,
});
