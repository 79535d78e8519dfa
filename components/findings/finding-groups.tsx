import type { TFindingGroup, TGroupBy } from "@/lib/client/findings";
import { SeverityCounts } from "./severity-pill";

const label = (g: TFindingGroup, by: TGroupBy, clusterName: (id: string) => string) =>
  by === "rule" ? (
    <><strong>{g.key.title}</strong><div className="muted small mono">{g.key.ruleName} · {g.key.ruleId}</div></>
  ) : (
    <><strong className="mono">{g.key.kind} {g.key.namespace ? `${g.key.namespace}/` : ""}{g.key.name}</strong><div className="muted small">{clusterName(g.key.clusterId)}</div></>
  );

/** Findings counted per rule or per resource; choosing a group filters the list to it. */
export function FindingGroups({ groups, by, clusterName, onPick }: { groups: TFindingGroup[]; by: TGroupBy; clusterName: (id: string) => string; onPick: (g: TFindingGroup) => void }) {
  if (!groups.length) return <p className="muted">No findings match these filters.</p>;
  return (
    <table data-testid="finding-groups">
      <thead><tr><th>{by === "rule" ? "Rule" : "Resource"}</th><th>Findings</th><th>By severity</th><th /></tr></thead>
      <tbody>
        {groups.map((g) => (
          <tr key={JSON.stringify(g.key)} data-testid="finding-group">
            <td>{label(g, by, clusterName)}</td>
            <td><strong>{g.total}</strong></td>
            <td><SeverityCounts counts={g.bySeverity} /></td>
            <td><button type="button" className="btn" onClick={() => onPick(g)}>Show findings</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
