import { defineStatefulDetection } from "../../define-detection";
import { isDenied } from "../../event-helpers";
import { cooldownOk, distinct, HOUR, MINUTE, newWindow, slide, type Window } from "../../state-helpers";

type State = { windows: Record<string, Window>; fired: Record<string, number> };

export default defineStatefulDetection<State>({
  id: "TWD-0010",
  name: "permission-probing",
  title: "Permission probing (403 burst across endpoints)",
  severity: "medium",
  tactic: "discovery",
  description:
    "One principal from one source IP was refused at least 10 times within 5 minutes across at least 5 paths and 3 resource types (401s from the same IP count too): a stolen credential being tried against the API. One alert per principal per hour.",
  refs: { mitre: ["T1613", "T1069"], ms: ["MS-TA9029"], falco: [], sigma: ["Kubernetes Unauthorized or Unauthenticated Access"], elastic: ["Kubernetes Potential Endpoint Permission Enumeration Attempt Detected", "Kubernetes Forbidden Request from Unusual User Agent"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Permission probing (403 burst across endpoints)"],
  initialState: () => ({ windows: {}, fired: {} }),
  step: (s, e) => {
    if (!isDenied(e)) return;
    const user = e.user.username || "system:anonymous";
    const key = `${user}|${e.sourceIP}`;
    const w = slide((s.windows[key] ??= newWindow()), [e.ts, e.auditID, e.path, e.objectRef.resource ?? e.path], 5 * MINUTE);
    if (w.e.length < 10 || distinct(w, 2) < 5 || distinct(w, 3) < 3 || !cooldownOk(s.fired, user, e.ts, HOUR)) return;
    delete s.windows[key];
    return {
      message: `${user} was refused ${w.e.length} times in 5 minutes from ${e.sourceIP || "?"} across ${distinct(w, 2)} paths and ${distinct(w, 3)} resource types`,
      auditIDs: w.e.map((x) => x[1]),
      firstTs: w.e[0][0],
      principal: user,
    };
  },
});
