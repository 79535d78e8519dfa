import { defineDetection } from "../../define-detection";
import { describePrincipal, describeTarget, isSuccessful } from "../../event-helpers";
import { isAttackToolFamily, isScriptingFamily, userAgentFamily } from "../../user-agent";

export default defineDetection({
  id: "TWD-0016",
  name: "secret-read-scripting-agent",
  title: "Secret read with scripting/HTTP-library user agent",
  severity: "high",
  tactic: "credential-access",
  description: "Secrets were read (or an attempt was made) with curl, wget, a Python/Go/Java/Node HTTP library or a known attack tool rather than kubectl or a controller: typical of a stolen token used by hand.",
  refs: { mitre: ["T1552.007"], ms: ["MS-TA9025"], falco: [], sigma: ["Kubernetes Potential Enumeration Activity"], elastic: ["Kubernetes Secret get or list with Suspicious User Agent"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Secret read with scripting/HTTP-library user agent"],
  resources: ["secrets"],
  check: (e) => {
    if (e.verb !== "get" && e.verb !== "list") return;
    const family = userAgentFamily(e.userAgent);
    if (!isScriptingFamily(family) && !isAttackToolFamily(family)) return;
    const ok = isSuccessful(e);
    return {
      message: `${describePrincipal(e)} ${ok ? "read" : "tried to read"} ${describeTarget(e)} with ${family} (${e.userAgent})`,
      severity: ok ? "high" : "medium",
    };
  },
});
