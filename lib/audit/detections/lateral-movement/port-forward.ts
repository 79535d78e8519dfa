import { SECURITY_NAMESPACES } from "../../allowlists";
import { defineDetection } from "../../define-detection";
import { describePrincipal, isSuccessful, isSystemNamespace, isSystemPrincipal } from "../../event-helpers";

export default defineDetection({
  id: "TWD-0023",
  name: "port-forward",
  title: "Port-forward to pod",
  severity: "low",
  tactic: "lateral-movement",
  description: "A tunnel was opened to a pod through the API server (kubectl port-forward), reaching services that network policy and ingress would otherwise keep private. Medium in system and security namespaces.",
  refs: { mitre: ["T1572"], ms: [], falco: ["port-forward"] },
  needs: { level: "Metadata", stage: "ResponseStarted" },
  covers: ["Port-forward to pod"],
  resources: ["pods"],
  check: (e) => {
    if (e.objectRef.subresource !== "portforward" || (e.verb !== "create" && e.verb !== "get") || !isSuccessful(e)) return;
    if (isSystemPrincipal(e.user.username)) return;
    const ns = e.objectRef.namespace;
    const sensitive = isSystemNamespace(ns) || SECURITY_NAMESPACES.includes(ns ?? "");
    return { message: `${describePrincipal(e)} port-forwarded to pod '${e.objectRef.name ?? "?"}' in '${ns ?? "?"}'`, severity: sensitive ? "medium" : "low" };
  },
});
