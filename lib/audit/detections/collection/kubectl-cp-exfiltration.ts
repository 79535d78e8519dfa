import { defineDetection } from "../../define-detection";
import { describePrincipal, isSuccessful, isSystemNamespace, isSystemPrincipal } from "../../event-helpers";
import { isExecLike } from "../execution/exec-into-pod";

/** `tar cf - /path` (kubectl cp from a pod) or `tar -xmf - -C dir` (kubectl cp into a pod). */
export const tarMode = (command: string[]): "out" | "in" | undefined => {
  if (!/(^|\/)tar$/.test(command[0] ?? "")) return undefined;
  const flags = command.slice(1).filter((a) => /^-?[a-zA-Z]+$/.test(a)).join("");
  const toStdout = command.includes("-") || command.some((a) => /^-?[a-zA-Z]*f$/.test(a) && command[command.indexOf(a) + 1] === "-");
  if (flags.includes("c") && toStdout) return "out";
  if (flags.includes("x") && toStdout) return "in";
  return undefined;
};

export default defineDetection({
  id: "TWD-0024",
  name: "kubectl-cp-exfiltration",
  title: "kubectl cp / tar exfiltration from pod",
  severity: "medium",
  tactic: "collection",
  description:
    "An exec ran tar streaming to or from stdout, the signature of kubectl cp: files copied out of a pod (medium), or into a running pod (low; tools planted in a container).",
  refs: { mitre: ["T1005", "T1530"], ms: ["MS-TA9041"], falco: [] },
  needs: { level: "Metadata", stage: "ResponseStarted" },
  covers: ["kubectl cp / tar exfiltration from pod"],
  resources: ["pods"],
  check: (e) => {
    if (!e.exec || !isExecLike(e.verb, e.objectRef.subresource) || !isSuccessful(e)) return;
    if (isSystemPrincipal(e.user.username) || (isSystemNamespace(e.objectRef.namespace) && e.user.username.startsWith("system:"))) return;
    const mode = tarMode(e.exec.command);
    if (!mode) return;
    const where = `pod '${e.objectRef.name ?? "?"}' in '${e.objectRef.namespace ?? "?"}'`;
    return {
      message: mode === "out" ? `${describePrincipal(e)} copied files out of ${where}: '${e.exec.command.join(" ")}'` : `${describePrincipal(e)} copied files into ${where}: '${e.exec.command.join(" ")}'`,
      severity: mode === "out" ? "medium" : "low",
      evidence: { command: e.exec.command },
    };
  },
});
