import { defineStatefulDetection } from "../../define-detection";
import { describePrincipal, isSuccessful, READ_VERBS, resourceOf } from "../../event-helpers";
import { privilegedBindingOf, sensitiveRoleChangeOf, subjectUsername } from "../../rbac";
import { MINUTE } from "../../state-helpers";

type Grant = { ts: number; auditID: string; what: string; by: string };
type State = { grants: Record<string, Grant> };
const WINDOW = 15 * MINUTE;
const WORKLOADS = ["pods", "deployments", "daemonsets", "statefulsets", "cronjobs", "jobs"];

const followUp = (verb: string, resource: string) =>
  (WORKLOADS.includes(resource) && ["create", "update", "patch"].includes(verb)) ||
  (resource === "secrets" && READ_VERBS.includes(verb)) ||
  ((resource === "pods/exec" || resource === "pods/attach") && (verb === "create" || verb === "get"));

export default defineStatefulDetection<State>({
  id: "TWD-0038",
  name: "rbac-grant-then-workload",
  title: "RBAC grant followed by workload change (sequence)",
  severity: "high",
  tactic: "privilege-escalation",
  description:
    "Within 15 minutes of a sensitive RBAC change (privileged binding or dangerous role), the same principal or a newly bound subject created or changed a workload, read secrets or exec'd into a pod: the grant is being used.",
  refs: { mitre: ["T1098.006", "T1610"], ms: ["MS-TA9019"], falco: [], elastic: ["Kubernetes Sensitive RBAC Change Followed by Workload Modification"] },
  needs: { level: "Request", stage: "ResponseComplete" },
  covers: ["RBAC grant followed by workload change (sequence)"],
  initialState: () => ({ grants: {} }),
  step: (s, e) => {
    const binding = privilegedBindingOf(e);
    const role = binding ? undefined : sensitiveRoleChangeOf(e);
    if (binding || (role && role.severity !== "low")) {
      const grant = { ts: e.ts, auditID: e.auditID, what: `${e.verb} ${e.objectRef.resource} '${e.objectRef.name ?? "?"}'`, by: e.user.username };
      s.grants[e.user.username] = grant;
      for (const subj of binding?.subjects ?? []) {
        const u = subjectUsername(subj, e.objectRef.namespace);
        if (u) s.grants[u] = grant;
      }
      return;
    }
    const g = s.grants[e.user.username];
    if (!g) return;
    if (e.ts - g.ts > WINDOW) {
      delete s.grants[e.user.username];
      return;
    }
    if (!isSuccessful(e) || !followUp(e.verb, resourceOf(e))) return;
    delete s.grants[e.user.username];
    return {
      message: `${describePrincipal(e)} ${e.verb} ${resourceOf(e)} '${e.objectRef.name ?? "?"}' ${Math.round((e.ts - g.ts) / 1000)}s after ${g.by === e.user.username ? "its own" : `${g.by}'s`} RBAC change (${g.what})`,
      auditIDs: [g.auditID, e.auditID],
      firstTs: g.ts,
    };
  },
});
