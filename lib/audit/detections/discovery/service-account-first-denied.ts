import { defineStatefulDetection } from "../../define-detection";
import { isAllowed, isDenied, isServiceAccount, isSystemPrincipal, resourceOf } from "../../event-helpers";
import { firstSeen, MINUTE } from "../../state-helpers";

type Pending = { ts: number; auditID: string; ip: string; what: string };
type State = { seen: Record<string, number>; pending: Record<string, Pending> };
const SENSITIVE = ["secrets", "pods/exec", "pods/attach", "clusterrolebindings", "rolebindings", "clusterroles", "roles", "serviceaccounts/token"];

export default defineStatefulDetection<State>({
  id: "TWD-0011",
  name: "service-account-first-denied",
  title: "Service account denied for the first time",
  severity: "low",
  tactic: "discovery",
  description:
    "A workload's service account was refused a (verb, resource) it has never been refused before: its token is being used for something the workload does not do. Raised to medium when, within 15 minutes, the same account succeeds at a sensitive action from the same IP.",
  refs: { mitre: ["T1613"], ms: ["MS-TA9029"], falco: [], sigma: ["Kubernetes Unauthorized or Unauthenticated Access"], elastic: ["Kubernetes Denied Service Account Request via Unusual User Agent"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Service account denied for the first time"],
  initialState: () => ({ seen: {}, pending: {} }),
  step: (s, e, ctx) => {
    const user = e.user.username;
    if (!isServiceAccount(user) || isSystemPrincipal(user)) return;
    const what = `${e.verb} ${resourceOf(e) || e.path}`;
    const p = s.pending[user];
    if (p && isAllowed(e) && !isDenied(e)) {
      if (e.ts - p.ts > 15 * MINUTE) delete s.pending[user];
      else if (e.sourceIP === p.ip && SENSITIVE.includes(resourceOf(e)) && e.verb !== "list") {
        delete s.pending[user];
        return { message: `${user} was refused '${p.what}' then succeeded at '${what}' from ${e.sourceIP || "?"}`, severity: "medium", auditIDs: [p.auditID, e.auditID], firstTs: p.ts };
      }
    }
    if (!isDenied(e) || !firstSeen(s.seen, `${user}|${what}`, e.ts, ctx)) return;
    s.pending[user] = { ts: e.ts, auditID: e.auditID, ip: e.sourceIP, what };
    return { message: `Service account ${user} was refused '${what}' for the first time (from ${e.sourceIP || "?"})` };
  },
});
