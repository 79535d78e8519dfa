import Link from "next/link";
import { RelativeTime } from "@/components/clusters/relative-time";
import type { TFinding, TFindingView, TSort } from "@/lib/client/findings";
import { SeverityPill } from "./severity-pill";

const COLUMNS: Array<{ label: string; sort?: TSort }> = [
  { label: "Severity", sort: "severity" },
  { label: "Finding", sort: "rule" },
  { label: "Resource", sort: "resource" },
  { label: "Cluster" },
  { label: "Status" },
  { label: "First seen", sort: "firstSeen" },
  { label: "Last seen", sort: "lastSeen" },
];



export function FindingTable({ items, view, onSort, linkQuery }: { items: TFinding[]; view: TFindingView; onSort: (sort: TSort) => void; linkQuery: string }) {
  return (
    <table data-testid="finding-table">
      <thead>
        <tr>
          {COLUMNS.map((c) => {
            const isActive = c.sort === view.sort;
            return (
              <th key={c.label} aria-sort={isActive ? (view.order === "asc" ? "ascending" : "descending") : undefined}>
                {c.sort ? (
                  <button type="button" className="th-sort" onClick={() => onSort(c.sort!)}>
                    {c.label}{isActive ? (view.order === "asc" ? " ▲" : " ▼") : ""}
                  </button>
                ) : c.label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {items.map((f) => (
          <tr key={f.id} data-testid="finding-row" data-severity={f.severity}>
            <td><SeverityPill severity={f.severity} /></td>
            <td className="finding-cell">
              <Link href={`/findings/${f.id}${linkQuery ? `?from=${encodeURIComponent(linkQuery)}` : ""}`} className="strong-link">{f.title}</Link>
              <div className="muted small clamp-2">{f.message}</div>
              <div className="muted small mono">{f.ruleName}</div>
            </td>
            <td className="resource-cell"><div className="small">{f.resource.kind}</div><div className="mono small">{f.resource.namespace ? `${f.resource.namespace}/` : ""}{f.resource.name}</div></td>
            <td className="nowrap">{f.clusterName}</td>
            <td>
              <span className={`badge status-${f.status}`}>{f.status}</span>
              {f.suppression ? <div><span className="badge badge-warn" title={f.suppression.reason}>suppressed</span></div> : null}
            </td>
            <td className="small nowrap"><RelativeTime iso={f.firstSeenAt} short /></td>
            <td className="small nowrap"><RelativeTime iso={f.lastSeenAt} short /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
