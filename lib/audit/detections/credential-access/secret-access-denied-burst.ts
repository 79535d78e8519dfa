import { defineStatefulDetection } from "../../define-detection";
import { isDenied, isServiceAccount, isSystemPrincipal } from "../../event-helpers";
import { cooldownOk, HOUR, MINUTE, newWindow, slide, type Window } from "../../state-helpers";

type State = { windows: Record<string, Window>; fired: Record<string, number> };

export default defineStatefulDetection<State>({
  id: "TWD-0015",
  name: "secret-access-denied-burst",
  title: "Secret access denied burst",
  severity: "medium",
  tactic: "credential-access",
  description:
    "A principal was refused access to Secrets at least 5 times within 15 minutes, or a workload service account was refused at all (workloads are granted exactly the secrets they need).",
  refs: { mitre: ["T1552.007", "T1613"], ms: ["MS-TA9025"], falco: ["K8s Secret Get Unsuccessfully Tried"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Secret access denied burst"],
  resources: ["secrets"],
  initialState: () => ({ windows: {}, fired: {} }),
  step: (s, e) => {
    const user = e.user.username || "system:anonymous";
    if (!isDenied(e) || isSystemPrincipal(user)) return;
    const w = slide((s.windows[user] ??= newWindow()), [e.ts, e.auditID, "", ""], 15 * MINUTE);
    const sa = isServiceAccount(user);
    if ((!sa && w.e.length < 5) || !cooldownOk(s.fired, user, e.ts, HOUR)) return;
    delete s.windows[user];
    return {
      message: sa
        ? `Service account ${user} was refused ${e.verb} on secret ${e.objectRef.namespace ?? ""}/${e.objectRef.name ?? "*"}`
        : `${user} was refused access to secrets ${w.e.length} times within 15 minutes`,
      auditIDs: w.e.map((x) => x[1]),
      firstTs: w.e[0][0],
      principal: user,
    };
  },
});
