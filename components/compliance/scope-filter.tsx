"use client";

import type { TScope, TScopeCluster } from "@/lib/client/compliance";

/** Fleet, one cluster, or one namespace of it (or a namespace name across the fleet). */
export function ScopeFilter({ clusters, scope, onChange }: { clusters: TScopeCluster[]; scope: TScope; onChange: (s: TScope) => void }) {
  const cluster = clusters.find((c) => c.id === scope.cluster);
  const namespaces = cluster ? cluster.namespaces : [...new Set(clusters.flatMap((c) => c.namespaces))].sort();
  return (
    <div className="cmp-scope row" data-testid="scope-filter">
      <label>
        Cluster
        <select value={scope.cluster ?? ""} onChange={(e) => onChange({ cluster: e.target.value || undefined })}>
          <option value="">Whole fleet</option>
          {clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </label>
      <label>
        Namespace
        <select value={scope.namespace ?? ""} onChange={(e) => onChange({ ...scope, namespace: e.target.value || undefined })}>
          <option value="">All namespaces</option>
          {namespaces.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
    </div>
  );
}
