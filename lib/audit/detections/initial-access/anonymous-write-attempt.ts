import { defineDetection } from "../../define-detection";
import { allowedBy, describeTarget, isAnonymous, isSuccessful, WRITE_VERBS } from "../../event-helpers";

export default defineDetection({
  id: "TWD-0002",
  name: "anonymous-write-attempt",
  title: "Anonymous/unauthenticated write attempt",
  severity: "critical",
  tactic: "initial-access",
  description:
    "An unauthenticated caller tried to create, change or delete an object. Allowed, it is an incident (the cluster accepts writes from anyone); denied, it is a probe from someone who can reach the API server.",
  refs: { mitre: ["T1078.001", "T1610"], ms: ["MS-TA9005"], falco: ["Anonymous Request Allowed"], elastic: ["Kubernetes Anonymous User Create/Update/Patch Pods Request"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Anonymous/unauthenticated write attempt"],
  check: (e) => {
    if (!isAnonymous(e) || !WRITE_VERBS.includes(e.verb)) return;
    const ok = isSuccessful(e);
    return {
      message: ok ? `Anonymous ${e.verb} of ${describeTarget(e)} succeeded${allowedBy(e)}` : `Anonymous ${e.verb} of ${describeTarget(e)} was refused (code ${e.code ?? "?"})`,
      severity: ok ? "critical" : "medium",
    };
  },
});
