"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { clusterKeys, fetchClusters } from "@/lib/client/clusters";
import { fetchFindingGroups, fetchFindings, findingKeys, viewFromParams, viewToParams, type TFindingGroup, type TFindingView, type TGroupBy, type TSort } from "@/lib/client/findings";
import { FindingFilters } from "./finding-filters";
import { FindingGroups } from "./finding-groups";
import { FindingTable } from "./finding-table";
import { Pagination } from "./pagination";

const GROUPINGS: Array<{ id: TGroupBy; label: string }> = [{ id: "none", label: "Findings" }, { id: "rule", label: "By rule" }, { id: "resource", label: "By resource" }];

export function FindingsExplorer({ orgId }: { orgId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const view = useMemo(() => viewFromParams(new URLSearchParams(query)), [query]);
  const hidden = searchParams.get("hidden");
  const setView = (patch: Partial<TFindingView>) => {
    // Any change other than paging starts again from page 1.
    const next = { ...view, ...patch, page: patch.page ?? 1 };
    const qs = viewToParams(next).toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  const clusters = useQuery({ queryKey: clusterKeys.list(orgId), queryFn: ({ signal }) => fetchClusters(signal) });
  const isGrouped = view.groupBy !== "none";
  const list = useQuery({ queryKey: findingKeys.list(orgId, view), queryFn: ({ signal }) => fetchFindings(view, signal), enabled: !isGrouped, placeholderData: keepPreviousData });
  const groups = useQuery({ queryKey: findingKeys.groups(orgId, view), queryFn: ({ signal }) => fetchFindingGroups(view, signal), enabled: isGrouped, placeholderData: keepPreviousData });
  const clusterName = (id: string) => clusters.data?.find((c) => c.id === id)?.name ?? id;
  const onSort = (sort: TSort) => setView({ sort, order: sort === view.sort && view.order === "desc" ? "asc" : "desc" });
  const pickGroup = (g: TFindingGroup) =>
    setView(view.groupBy === "rule" ? { groupBy: "none", rule: [g.key.ruleId] } : { groupBy: "none", cluster: [g.key.clusterId], namespace: g.key.namespace ? [g.key.namespace] : [], kind: [g.key.kind], q: g.key.name });
  const error = list.error ?? groups.error ?? clusters.error;
  return (
    <>
      {hidden ? <div className="alert alert-ok" role="status" data-testid="suppressed-notice">Risk accepted: {hidden} finding(s) are now hidden from this list. Tick &quot;Show suppressed&quot; to see them.</div> : null}
      <FindingFilters view={view} onChange={setView} clusters={clusters.data ?? []} onReset={() => router.replace(pathname, { scroll: false })} />
      <div className="row explorer-bar">
        <div className="segmented" role="group" aria-label="Group by">
          {GROUPINGS.map((g) => (
            <button key={g.id} type="button" aria-pressed={view.groupBy === g.id} onClick={() => setView({ groupBy: g.id })}>{g.label}</button>
          ))}
        </div>
        {view.kind.length ? <span className="badge">kind: {view.kind.join(", ")} <button type="button" className="chip-x" aria-label="Clear kind filter" onClick={() => setView({ kind: [] })}>×</button></span> : null}
        {list.isFetching || groups.isFetching ? <span className="muted small">Loading…</span> : null}
      </div>
      {error ? <div className="alert alert-error" role="alert">{error.message}</div> : null}
      <div className="card table-card">
        {isGrouped ? (
          groups.data ? <FindingGroups groups={groups.data.groups} by={view.groupBy} clusterName={clusterName} onPick={pickGroup} /> : null
        ) : list.data ? (
          <>
            {list.data.items.length ? <FindingTable items={list.data.items} view={view} onSort={onSort} linkQuery={viewToParams(view).toString()} /> : <p className="muted" data-testid="no-match">No findings match these filters.</p>}
            <Pagination page={view.page} pageSize={view.pageSize} total={list.data.total} onPage={(page) => setView({ page })} />
          </>
        ) : null}
      </div>
    </>
  );
}
