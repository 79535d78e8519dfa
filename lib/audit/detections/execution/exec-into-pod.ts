import { defineDetection } from "../../define-detection";
import { allowedBy, describePrincipal, isSuccessful } from "../../event-helpers";
import { CONTROL_PLANE } from "../../allowlists";

export const isExecLike = (verb: string, sub: string | undefined) => (verb === "create" || verb === "get") && (sub === "exec" || sub === "attach");

export default defineDetection({
  id: "TWD-0020",
  name: "exec-into-pod",
  title: "Exec/attach into pod by human or unexpected principal",
  severity: "medium",
  tactic: "execution",
  description:
    "Someone opened a shell or attached to a container (kubectl exec/attach). EKS logs exec as verb get; the command comes from the URL-decoded requestURI. The same request logged at ResponseStarted and ResponseComplete is reported once.",
  refs: { mitre: ["T1609"], ms: ["MS-TA9006"], falco: ["Attach/Exec Pod"], sigma: ["Potential Remote Command Execution In Pod Container"], elastic: ["Kubernetes User Exec into Pod"] },
  needs: { level: "Metadata", stage: "ResponseStarted" },
  covers: ["Exec/attach into pod by human or unexpected principal"],
  resources: ["pods"],
  check: (e) => {
    if (!isExecLike(e.verb, e.objectRef.subresource) || !isSuccessful(e)) return;
    if (CONTROL_PLANE.exact.includes(e.user.username)) return;
    const cmd = e.exec?.command.length ? ` running '${e.exec.command.join(" ")}'` : "";
    return {
      message: `${describePrincipal(e)} ran ${e.objectRef.subresource} in pod '${e.objectRef.name ?? "?"}' in '${e.objectRef.namespace ?? "?"}'${e.exec?.container ? ` container '${e.exec.container}'` : ""}${cmd}${allowedBy(e)}`,
      evidence: e.exec ? { command: e.exec.command } : undefined,
    };
  },
});
