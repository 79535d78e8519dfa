"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { fetchIncident, incidentKeys, type TIncidentDetail } from "@/lib/client/incidents";
import { EventTimelineChart } from "./event-timeline-chart";
import { PrincipalPanel, TouchedResources } from "./incident-context-panels";
import { IncidentHeader } from "./incident-header";
import { IncidentStory } from "./incident-story";
import { RawEventDrawer, type TEventRef } from "./raw-event-drawer";

export function IncidentDetail({ orgId, initial, canWrite }: { orgId: string; initial: TIncidentDetail; canWrite: boolean }) {
  const q = useQuery({ queryKey: incidentKeys.detail(orgId, initial.id), queryFn: ({ signal }) => fetchIncident(initial.id, signal), initialData: initial });
  const incident = q.data;
  const [openEvent, setOpenEvent] = useState<TEventRef | null>(null);
  const close = useCallback(() => setOpenEvent(null), []);
  const labels = useMemo(() => new Map(incident.markers.map((m) => [m.id, m.label])), [incident.markers]);
  return (
    <>
      <IncidentHeader orgId={orgId} incident={incident} canWrite={canWrite} />
      <div className="card">
        <h2>Timeline</h2>
        <p className="muted">Every request by this principal from 15 minutes before the first detection to 15 minutes after the last (or now).</p>
        <EventTimelineChart timeline={incident.timeline} markers={incident.markers} />
      </div>
      <div className="inv-cols">
        <div>
          <div className="card">
            <h2>What happened</h2>
            <IncidentStory story={incident.story} labels={labels} onOpen={setOpenEvent} />
          </div>
          <TouchedResources clusterId={incident.cluster.id} touched={incident.touched} />
        </div>
        <PrincipalPanel principal={incident.principal} clusterId={incident.cluster.id} sourceIps={incident.sourceIps} userAgents={incident.userAgents} />
      </div>
      <RawEventDrawer orgId={orgId} target={openEvent} onClose={close} />
    </>
  );
}
