import type { DetectionRecord } from "./engine";
import { SEVERITIES, severityRank, type Severity } from "./types";

export type Incident = {
  id: string;
  principal: string;
  severity: Severity;
  firstSeen: string;
  lastSeen: string;
  tactics: string[];
  detectionIds: string[];
  auditIDs: string[];
  detections: DetectionRecord[];
};

const raise = (s: Severity): Severity => SEVERITIES[Math.min(SEVERITIES.length - 1, severityRank(s) + 1)];

/**
 * Groups detections into incidents: same principal, windows that overlap or lie within `gapMs` of each
 * other. Severity is the highest of the group, raised one step when the group spans 3 or more tactics
 * (a chain such as discovery → credential access → privilege escalation is worse than its parts).
 */
export const groupIncidents = (detections: readonly DetectionRecord[], opts: { gapMs?: number } = {}): Incident[] => {
  const gap = opts.gapMs ?? 30 * 60_000;
  const byPrincipal = new Map<string, DetectionRecord[]>();
  for (const d of detections) byPrincipal.set(d.principal, [...(byPrincipal.get(d.principal) ?? []), d]);
  const out: Incident[] = [];
  for (const [principal, list] of byPrincipal) {
    const sorted = [...list].sort((a, b) => a.firstSeen.localeCompare(b.firstSeen));
    let group: DetectionRecord[] = [];
    let end = Number.NEGATIVE_INFINITY;
    const flush = () => {
      if (group.length) out.push(toIncident(principal, group));
      group = [];
    };
    for (const d of sorted) {
      const start = Date.parse(d.firstSeen);
      if (group.length && start > end + gap) flush();
      group.push(d);
      end = Math.max(group.length === 1 ? Number.NEGATIVE_INFINITY : end, Date.parse(d.lastSeen));
    }
    flush();
  }
  return out.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.firstSeen.localeCompare(b.firstSeen));
};

const toIncident = (principal: string, group: DetectionRecord[]): Incident => {
  const tactics = [...new Set(group.map((d) => d.tactic))];
  const top = group.reduce<Severity>((s, d) => (severityRank(d.severity) > severityRank(s) ? d.severity : s), "info");
  const firstSeen = group.reduce((m, d) => (d.firstSeen < m ? d.firstSeen : m), group[0].firstSeen);
  const lastSeen = group.reduce((m, d) => (d.lastSeen > m ? d.lastSeen : m), group[0].lastSeen);
  return {
    id: `${principal}@${firstSeen}`,
    principal,
    severity: tactics.length >= 3 ? raise(top) : top,
    firstSeen,
    lastSeen,
    tactics,
    detectionIds: [...new Set(group.map((d) => d.detectionId))],
    auditIDs: [...new Set(group.flatMap((d) => d.auditIDs))],
    detections: group,
  };
};
