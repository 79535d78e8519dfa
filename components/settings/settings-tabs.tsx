"use client";

import { useState } from "react";
import type { TRole } from "@/lib/client/members";
import { AuditPanel } from "./audit-panel";
import { MembersPanel } from "./members-panel";
import { SystemPanel } from "./system-panel";

type Tab = "members" | "system" | "audit";

export function SettingsTabs({ orgId, role, permissions, currentUserId }: { orgId: string; role: TRole; permissions: string[]; currentUserId: string }) {
  const can = (p: string) => permissions.includes(p);
  const tabs: Array<{ id: Tab; label: string; show: boolean }> = [
    { id: "members", label: "Users and roles", show: can("members.read") },
    { id: "system", label: "System health", show: can("system.read") },
    { id: "audit", label: "Audit trail", show: can("audit.read") },
  ];
  const visible = tabs.filter((t) => t.show);
  const [tab, setTab] = useState<Tab>(visible[0]?.id ?? "system");
  return (
    <>
      <div className="tabs" role="tablist">
        {visible.map((t) => (
          <button key={t.id} className="tab" role="tab" aria-selected={tab === t.id} onClick={() => setTab(t.id)} type="button">
            {t.label}
          </button>
        ))}
      </div>
      {tab === "members" && can("members.read") ? <MembersPanel orgId={orgId} role={role} canWrite={can("members.write")} currentUserId={currentUserId} /> : null}
      {tab === "system" ? <SystemPanel orgId={orgId} /> : null}
      {tab === "audit" && can("audit.read") ? <AuditPanel orgId={orgId} /> : null}
      {!can("members.read") ? (
        <p className="muted" data-testid="viewer-note">
          Your role ({role}) can read Tower&apos;s data but not manage users. Ask an owner or admin for changes.
        </p>
      ) : null}
    </>
  );
}
