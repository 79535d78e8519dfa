/**
 * What bench:audit-queries times: the service functions the investigation, incident and overview pages
 * call, with a member's Ctx, each kind with parameters that rotate from one call to the next.
 */
import type { Ctx } from "../../../lib/auth/context";
import { getAuditStatus } from "../../../lib/services/audit-ingest/get-audit-status";
import { getIncident } from "../../../lib/services/incidents/get-incident";
import { listIncidents } from "../../../lib/services/incidents/list-incidents";
import { getPrincipalActivity } from "../../../lib/services/investigations/get-principal-activity";
import { getResourceActivity } from "../../../lib/services/investigations/get-resource-activity";
import { getOverview } from "../../../lib/services/overview/get-overview";
import { HUMAN_PRINCIPAL, NAMESPACES } from "./principals";
import type { BenchIncidents } from "./seed-incidents";

export type QueryKind = { label: string; group: "timeline/incident" | "overview 24h"; targetMs: number; call: (i: number) => Promise<unknown> };

const HEAVY = ["system:kube-controller-manager", "system:serviceaccount:argocd:argocd-application-controller", "system:serviceaccount:monitoring:prometheus"];
const LIGHT = [HUMAN_PRINCIPAL, ...Array.from({ length: 9 }, (_, i) => `user-${String(i + 1).padStart(2, "0")}@corp.example`)];
const TIMELINE_MS = 200;
const OVERVIEW_MS = 50;

export const queryKinds = (ctx: Ctx, clusterIds: string[], incidents: BenchIncidents): QueryKind[] => {
  const cluster = (i: number) => clusterIds[i % clusterIds.length];
  // Every third call narrows to one cluster, as the page's cluster picker does.
  const principal = (names: string[], range: "1h" | "24h" | "7d") => (i: number) =>
    getPrincipalActivity({ ctx, input: { principal: names[i % names.length], range, ...(i % 3 === 2 ? { cluster: cluster(i) } : {}) } });
  const kind = (label: string, call: QueryKind["call"], group: QueryKind["group"] = "timeline/incident"): QueryKind => ({ label, group, targetMs: group === "overview 24h" ? OVERVIEW_MS : TIMELINE_MS, call });
  return [
    kind("principal heavy SA 1h", principal(HEAVY, "1h")),
    kind("principal heavy SA 24h", principal(HEAVY, "24h")),
    kind("principal heavy SA 7d", principal(HEAVY, "7d")),
    kind("principal human 1h", principal(LIGHT, "1h")),
    kind("principal human 24h", principal(LIGHT, "24h")),
    kind("principal human 7d", principal(LIGHT, "7d")),
    kind("resource object 24h", (i) => getResourceActivity({ ctx, input: { cluster: cluster(i), namespace: NAMESPACES[i % NAMESPACES.length], resource: "pods", name: `pods-${i % 5}` } })),
    kind("resource kind in namespace 24h", (i) => getResourceActivity({ ctx, input: { cluster: cluster(i), namespace: NAMESPACES[i % NAMESPACES.length], resource: ["secrets", "configmaps", "deployments"][i % 3] } })),
    kind("resource kind in namespace 7d", (i) => getResourceActivity({ ctx, input: { cluster: cluster(i), namespace: NAMESPACES[i % NAMESPACES.length], resource: "secrets", range: "7d" } })),
    kind("incident heavy SA", (i) => getIncident({ ctx, incidentId: incidents.heavy[i % incidents.heavy.length] })),
    kind("incident human", (i) => getIncident({ ctx, incidentId: incidents.human[i % incidents.human.length] })),
    kind("incident other", (i) => getIncident({ ctx, incidentId: incidents.other[i % incidents.other.length] })),
    kind("incidents list", (i) => listIncidents({ ctx, input: [{ pageSize: 25 }, { status: "open,investigating", pageSize: 25 }, { principal: "user-0", pageSize: 25 }, { cluster: cluster(i), page: 2 }][i % 4] })),
    kind("overview page", () => getOverview({ ctx, input: { range: "30", framework: "cis" } }), "overview 24h"),
    kind("cluster audit status (24h)", (i) => getAuditStatus({ ctx, clusterId: cluster(i) }), "overview 24h"),
  ];
};
