"use client";

import Link from "next/link";
import type { TAuditEventDto } from "@/lib/client/investigations";
import { principalHref } from "@/lib/client/investigations";
import { eventObject, eventResource, fmtTime, isDenied } from "./format";
import type { TEventRef } from "./raw-event-drawer";

/** Requests, newest first; clicking one opens its raw JSON. */
export function EventTable({ events, onOpen, showUser = false }: { events: TAuditEventDto[]; onOpen: (e: TEventRef) => void; showUser?: boolean }) {
  if (!events.length) return <p className="muted">No events in this range.</p>;
  return (
    <table>
      <thead><tr><th>Time</th>{showUser ? <th>Principal</th> : null}<th>Verb</th><th>Resource</th><th>Object</th><th>Code</th><th>Source IP</th></tr></thead>
      <tbody>
        {events.map((e) => (
          <tr key={`${e.clusterId}/${e.auditId}`} data-testid="event-row">
            <td className="muted" style={{ whiteSpace: "nowrap" }}>
              <button className="inv-linkish" type="button" onClick={() => onOpen({ clusterId: e.clusterId, auditId: e.auditId, stage: e.stage })} title="Show the raw event">{fmtTime(e.ts)}</button>
            </td>
            {showUser ? <td className="inv-truncate"><Link href={principalHref(e.username, e.clusterId)}><code>{e.username}</code></Link></td> : null}
            <td><code>{e.verb}</code></td>
            <td><code>{eventResource(e)}</code></td>
            <td className="inv-truncate">{eventObject(e) || "—"}</td>
            <td>{e.code !== null ? <span className={isDenied(e) ? "badge badge-danger" : "badge"}>{e.code}</span> : "—"}</td>
            <td className="muted">{e.sourceIp ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
