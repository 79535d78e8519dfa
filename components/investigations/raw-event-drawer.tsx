"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { fetchRawEvent, investigationKeys } from "@/lib/client/investigations";
import { fmtTime } from "./format";

export type TEventRef = { clusterId: string; auditId: string; stage: string };

/** The full JSON of one audit event, as the API server sent it, in a side panel. */
export function RawEventDrawer({ orgId, target, onClose }: { orgId: string; target: TEventRef | null; onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const q = useQuery({
    queryKey: investigationKeys.rawEvent(orgId, target?.clusterId ?? "", target?.auditId ?? "", target?.stage ?? ""),
    queryFn: ({ signal }) => fetchRawEvent(target!, signal),
    enabled: !!target,
    staleTime: Infinity,
  });
  useEffect(() => {
    if (!target) return;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [target, onClose]);
  if (!target) return null;
  return (
    <>
      <div className="inv-drawer-backdrop" onClick={onClose} />
      <aside className="inv-drawer" role="dialog" aria-modal="true" aria-label="Raw audit event" data-testid="raw-event-drawer">
        <header>
          <div>
            <strong>Raw audit event</strong>
            <div className="muted"><code>{target.auditId}</code> · {q.data?.stage ?? target.stage}{q.data ? ` · ${fmtTime(q.data.ts)}` : ""}</div>
          </div>
          <div className="row" style={{ flexWrap: "nowrap", flexShrink: 0 }}>
            {q.data ? <button className="btn" type="button" onClick={() => navigator.clipboard?.writeText(JSON.stringify(q.data.raw, null, 2))}>Copy</button> : null}
            <button ref={closeRef} className="btn" type="button" onClick={onClose}>Close</button>
          </div>
        </header>
        {q.error ? <div className="alert alert-error" role="alert" style={{ margin: 16 }}>{q.error.message}</div> : null}
        <pre data-testid="raw-event-json">{q.isLoading ? "Loading…" : q.data ? JSON.stringify(q.data.raw, null, 2) : ""}</pre>
      </aside>
    </>
  );
}
