import { SECURITY_NAMESPACES } from "../../allowlists";
import { defineDetection } from "../../define-detection";
import { allowedBy, describePrincipal, isSuccessful, isSystemNamespace, isSystemPrincipal } from "../../event-helpers";
import { isExecLike } from "./exec-into-pod";

export default defineDetection({
  id: "TWD-0022",
  name: "exec-system-namespace",
  title: "Exec into pod in kube-system / security-tool namespace",
  severity: "high",
  tactic: "execution",
  description: "A non-system principal exec'd into or attached to a pod in kube-system, kube-public or a security tool's namespace: these pods hold the cluster's most powerful tokens and the tools that watch it.",
  refs: { mitre: ["T1609"], ms: ["MS-TA9006"], falco: ["Attach/Exec Pod"], sigma: ["Potential Remote Command Execution In Pod Container"], elastic: ["Kubernetes User Exec into Pod"] },
  needs: { level: "Metadata", stage: "ResponseStarted" },
  covers: ["Exec into pod in kube-system / security-tool namespace"],
  resources: ["pods"],
  check: (e) => {
    if (!isExecLike(e.verb, e.objectRef.subresource) || !isSuccessful(e)) return;
    const ns = e.objectRef.namespace;
    if (!isSystemNamespace(ns) && !SECURITY_NAMESPACES.includes(ns ?? "")) return;
    if (isSystemPrincipal(e.user.username)) return;
    return { message: `${describePrincipal(e)} ran ${e.objectRef.subresource} in pod '${e.objectRef.name ?? "?"}' in '${ns}'${e.exec?.command.length ? ` ('${e.exec.command.join(" ")}')` : ""}${allowedBy(e)}` };
  },
});
