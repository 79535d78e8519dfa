import { defineDetection } from "../../define-detection";
import { allowedBy, describePrincipal, isSuccessful, isSystemPrincipal } from "../../event-helpers";

export default defineDetection({
  id: "TWD-0042",
  name: "events-deleted",
  title: "Kubernetes Events deleted",
  severity: "medium",
  tactic: "defense-evasion",
  description:
    "Kubernetes Events (core or events.k8s.io) were deleted by a principal other than the platform: Events record pulls, scheduling and failures an investigator would read. (GKE's default audit policy does not log events at all.)",
  refs: { mitre: ["T1070"], ms: ["MS-TA9022"], falco: [], sigma: ["Kubernetes Events Deleted"], elastic: ["Kubernetes Events Deleted"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Kubernetes Events deleted"],
  resources: ["events"],
  check: (e) => {
    if ((e.verb !== "delete" && e.verb !== "deletecollection") || !isSuccessful(e)) return;
    if (e.objectRef.apiGroup && e.objectRef.apiGroup !== "events.k8s.io") return;
    if (isSystemPrincipal(e.user.username)) return;
    return {
      message: `${describePrincipal(e)} deleted ${e.verb === "deletecollection" ? "all events" : `event '${e.objectRef.name ?? "?"}'`} in '${e.objectRef.namespace ?? "all namespaces"}'${allowedBy(e)}`,
      severity: e.verb === "deletecollection" ? "high" : "medium",
    };
  },
});
