import { defineDetection } from "../../define-detection";
import { allowedBy, describePrincipal, isAllowed, isSystemPrincipal } from "../../event-helpers";

const BENIGN = [/^\/metrics(\/|$)/, /^\/stats\/summary/, /^\/healthz/, /^\/configz/];
const DANGEROUS = /\/(run|exec|attach|portForward|runningpods|pods|cri)(\/|$)/;

export default defineDetection({
  id: "TWD-0026",
  name: "node-proxy",
  title: "Node proxy (kubelet API via apiserver) access",
  severity: "high",
  tactic: "privilege-escalation",
  description:
    "The kubelet API was reached through the API server's nodes/proxy subresource for something other than metrics and health. nodes/proxy bypasses admission and audit of exec: critical when the path runs commands or lists pods.",
  refs: { mitre: ["T1611", "T1613", "T1550.001"], ms: ["MS-TA9030"], falco: [], elastic: ["Kubernetes API Server Proxying Request to Kubelet"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["Node proxy (kubelet API via apiserver) access"],
  resources: ["nodes"],
  check: (e) => {
    if (e.objectRef.subresource !== "proxy" || !isAllowed(e)) return;
    const user = e.user.username;
    if (isSystemPrincipal(user) || /metrics-server|prometheus|kube-state-metrics/.test(user)) return;
    const m = /\/nodes\/[^/]+\/proxy(\/.*)?$/.exec(e.path);
    const sub = m?.[1] ?? "/";
    if (BENIGN.some((re) => re.test(sub))) return;
    return {
      message: `${describePrincipal(e)} called the kubelet of node '${e.objectRef.name ?? "?"}' through the API server: ${e.verb} ${sub}${allowedBy(e)}`,
      severity: DANGEROUS.test(sub) ? "critical" : "high",
    };
  },
});
