import { ANONYMOUS_SAFE_PATHS, HEALTH_CHECK_USER_AGENTS } from "../../allowlists";
import { defineDetection } from "../../define-detection";
import { allowedBy, describeTarget, isAllowed, isAnonymous, READ_VERBS } from "../../event-helpers";

const isSafePath = (path: string) => ANONYMOUS_SAFE_PATHS.some((p) => path === p || path.startsWith(`${p}/`) || (p !== "/version" && path.startsWith(p)));

export default defineDetection({
  id: "TWD-0001",
  name: "anonymous-request-allowed",
  title: "Anonymous request allowed (non-health endpoint)",
  severity: "high",
  tactic: "initial-access",
  description:
    "An unauthenticated caller (system:anonymous or group system:unauthenticated) was allowed to reach an API path other than the health, version and OIDC discovery endpoints. Anonymous access is usually a misconfigured binding to system:anonymous or system:unauthenticated.",
  refs: { mitre: ["T1078.001", "T1190"], ms: ["MS-TA9005"], falco: ["Anonymous Request Allowed"], elastic: ["Kubernetes Anonymous Request Authorized by Unusual User Agent"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Anonymous request allowed (non-health endpoint)"],
  check: (e) => {
    if (!isAnonymous(e) || !isAllowed(e) || isSafePath(e.path)) return;
    const probe = HEALTH_CHECK_USER_AGENTS.some((ua) => e.userAgent.startsWith(ua));
    if (probe && !e.decision && e.code === undefined) return;
    const write = !READ_VERBS.includes(e.verb);
    return {
      message: `Anonymous ${e.verb} of ${describeTarget(e)} was allowed${allowedBy(e)}`,
      severity: write ? "critical" : "high",
    };
  },
});
