import { defineStatefulDetection } from "../../define-detection";
import { isAnonymous } from "../../event-helpers";
import { cooldownOk, distinct, HOUR, MINUTE, newWindow, slide, type Window } from "../../state-helpers";

type State = { windows: Record<string, Window>; fired: Record<string, number>; firstSeen: Record<string, number> };

export default defineStatefulDetection<State>({
  id: "TWD-0003",
  name: "anonymous-enumeration-burst",
  title: "Anonymous API enumeration burst",
  severity: "medium",
  tactic: "discovery",
  description:
    "From one source IP, within 5 minutes, anonymous or rejected (401/403) requests to more than 5 distinct paths and more than 3 resource types: a scanner mapping what the API server exposes.",
  refs: { mitre: ["T1613", "T1595.003"], ms: ["MS-TA9029"], falco: [], sigma: ["Kubernetes Unauthorized or Unauthenticated Access"], elastic: ["Kubernetes Potential Endpoint Permission Enumeration Attempt by Anonymous User Detected"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Anonymous API enumeration burst"],
  initialState: () => ({ windows: {}, fired: {}, firstSeen: {} }),
  step: (s, e) => {
    if (!e.sourceIP || !(isAnonymous(e) || e.code === 401 || e.code === 403)) return;
    const ip = e.sourceIP;
    s.firstSeen[ip] ??= e.ts;
    const w = slide((s.windows[ip] ??= newWindow()), [e.ts, e.auditID, e.path, e.objectRef.resource ?? e.path], 5 * MINUTE);
    if (distinct(w, 2) <= 5 || distinct(w, 3) <= 3 || !cooldownOk(s.fired, ip, e.ts, HOUR)) return;
    delete s.windows[ip];
    return {
      message: `${w.e.length} anonymous/rejected requests from ${ip} to ${distinct(w, 2)} paths and ${distinct(w, 3)} resource types in 5 minutes (first seen ${new Date(s.firstSeen[ip]).toISOString()})`,
      auditIDs: w.e.map((x) => x[1]),
      firstTs: w.e[0][0],
      principal: e.user.username || "system:anonymous",
    };
  },
});
