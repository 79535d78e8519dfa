"use client";

import type { TStoryItem } from "@/lib/client/incidents";
import { SeverityBadge } from "./badges";
import { eventObject, eventResource, fmtTime, isDenied } from "./format";
import type { TEventRef } from "./raw-event-drawer";

/** Detections and the principal's key events (changes, denials, evidence) in the order they happened. */
export function IncidentStory({ story, labels, onOpen }: { story: TStoryItem[]; labels: Map<string, string>; onOpen: (e: TEventRef) => void }) {
  if (!story.length) return <p className="muted">No stored events for this incident (they may be past the retention period).</p>;
  return (
    <ol className="inv-story" data-testid="incident-story">
      {story.map((s) =>
        s.kind === "detection" ? (
          <li key={`d-${s.detection.id}`} className="inv-story-detection" style={{ borderLeftColor: `var(--sev-${s.detection.severity})` }}>
            <span className="inv-time">{fmtTime(s.ts)}</span>
            <div>
              <strong>{labels.get(s.detection.id)}</strong> <SeverityBadge severity={s.detection.severity} /> <strong>{s.detection.title}</strong>{" "}
              <span className="muted">{s.detection.detectionId}{s.detection.tactic ? ` · ${s.detection.tactic}` : ""}</span>
              <div>{s.detection.message}</div>
              {s.detection.refs.mitre?.length ? <div className="muted">MITRE ATT&amp;CK: {s.detection.refs.mitre.join(", ")}</div> : null}
            </div>
          </li>
        ) : (
          <li key={`e-${s.event.clusterId}-${s.event.auditId}`}>
            <span className="inv-time">{fmtTime(s.ts)}</span>
            <div>
              <button className="inv-linkish" type="button" onClick={() => onOpen({ clusterId: s.event.clusterId, auditId: s.event.auditId, stage: s.event.stage })} data-testid="story-event">
                <code>{s.event.verb}</code> <code>{eventResource(s.event)}</code> {eventObject(s.event)}
              </button>{" "}
              {s.event.code !== null ? <span className={isDenied(s.event) ? "badge badge-danger" : "badge"}>{s.event.code}</span> : null}{" "}
              {s.detectionIds.map((id) => <span key={id} className="inv-chip inv-chip-new">evidence for {labels.get(id)}</span>)}
            </div>
          </li>
        ),
      )}
    </ol>
  );
}
