import { defineStatefulDetection } from "../../define-detection";
import { isSuccessful, isSystemPrincipal } from "../../event-helpers";
import { cooldownOk, distinct, HOUR, MINUTE, newWindow, slide, type Window } from "../../state-helpers";

type State = { windows: Record<string, Window>; fired: Record<string, number> };

export default defineStatefulDetection<State>({
  id: "TWD-0014",
  name: "rapid-secret-reads",
  title: "Rapid secret reads across many objects",
  severity: "high",
  tactic: "credential-access",
  description: "One principal, from one IP and client, read at least 5 different Secrets one by one within 5 minutes: harvesting credentials without a tell-tale list.",
  refs: { mitre: ["T1552.007"], ms: ["MS-TA9025"], falco: [], elastic: ["Kubernetes Rapid Secret GET Activity Against Multiple Objects"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Rapid secret reads across many objects"],
  resources: ["secrets"],
  initialState: () => ({ windows: {}, fired: {} }),
  step: (s, e) => {
    if (e.verb !== "get" || !isSuccessful(e) || isSystemPrincipal(e.user.username)) return;
    const key = `${e.user.username}|${e.sourceIP}|${e.userAgent}`;
    const w = slide((s.windows[key] ??= newWindow()), [e.ts, e.auditID, `${e.objectRef.namespace}/${e.objectRef.name}`, ""], 5 * MINUTE);
    if (distinct(w, 2) < 5 || !cooldownOk(s.fired, key, e.ts, HOUR)) return;
    delete s.windows[key];
    return {
      message: `${e.user.username} read ${distinct(w, 2)} different secrets within 5 minutes from ${e.sourceIP || "?"}`,
      auditIDs: w.e.map((x) => x[1]),
      firstTs: w.e[0][0],
    };
  },
});
