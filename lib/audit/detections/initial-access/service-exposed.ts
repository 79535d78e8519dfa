import { defineDetection } from "../../define-detection";
import { describePrincipal, isDeployer, isSuccessful, isSystemPrincipal, MUTATE_VERBS } from "../../event-helpers";

type Obj = Record<string, unknown>;

export default defineDetection({
  id: "TWD-0047",
  name: "service-exposed",
  title: "Workload exposed via NodePort/LoadBalancer",
  severity: "medium",
  tactic: "initial-access",
  description:
    "A principal that does not usually deploy created or changed a Service of type NodePort or LoadBalancer, or set externalIPs (which lets a Service intercept traffic to any IP: CVE-2020-8554).",
  refs: { mitre: ["T1133"], ms: ["MS-TA9005"], falco: ["Create NodePort Service"], elastic: ["Kubernetes Exposed Service Created With Type NodePort"] },
  needs: { level: "Request", stage: "ResponseComplete" },
  covers: ["Workload exposed via NodePort/LoadBalancer"],
  resources: ["services"],
  check: (e) => {
    if (!MUTATE_VERBS.includes(e.verb) || e.objectRef.subresource || !isSuccessful(e)) return;
    if (isSystemPrincipal(e.user.username) || isDeployer(e.user.username)) return;
    const spec = (e.object?.spec ?? {}) as Obj;
    const externalIPs = Array.isArray(spec.externalIPs) ? spec.externalIPs : [];
    const type = typeof spec.type === "string" ? spec.type : undefined;
    if (externalIPs.length === 0 && type !== "NodePort" && type !== "LoadBalancer") return;
    const name = e.objectRef.name ?? ((e.object?.metadata as Obj | undefined)?.name as string | undefined) ?? "?";
    return {
      message:
        externalIPs.length > 0
          ? `${describePrincipal(e)} set spec.externalIPs=${JSON.stringify(externalIPs)} on Service '${name}' (CVE-2020-8554 traffic interception)`
          : `${describePrincipal(e)} exposed Service '${name}' in namespace '${e.objectRef.namespace ?? "?"}' with spec.type=${type}`,
      severity: externalIPs.length > 0 ? "high" : "medium",
    };
  },
});
