import { defineDetection } from "../../define-detection";
import { describePrincipal, isSuccessful, isSystemNamespace, isSystemPrincipal } from "../../event-helpers";
import { isExecLike } from "./exec-into-pod";

const PATTERNS: [RegExp, string][] = [
  [/\/var\/run\/secrets\/(kubernetes\.io|eks\.amazonaws\.com|azure|tokens)|\/var\/run\/secrets\b/, "reads a service-account or cloud identity token"],
  [/169\.254\.169\.254|metadata\.google\.internal|\/latest\/meta-data|\/metadata\/identity\/oauth2/, "queries the cloud instance metadata service"],
  [/\/dev\/tcp\/|\bnc(at)?\b.*\s-e\s|\bmkfifo\b|\bsocat\b.*exec|\b(ba)?sh -i\b|python[23]? -c .*socket/, "opens a reverse shell"],
  [/\b(curl|wget)\b.*https?:\/\//, "downloads or uploads with curl/wget"],
  [/\/etc\/shadow|\.kube\/config|~\/\.kube|\.aws\/credentials|~\/\.aws|\.ssh\/id_/, "reads host or user credentials"],
];

export default defineDetection({
  id: "TWD-0021",
  name: "exec-suspicious-command",
  title: "Exec with suspicious command (shell/curl/wget/token/IMDS/reverse shell)",
  severity: "high",
  tactic: "execution",
  description:
    "The command of an exec (from the URL-decoded requestURI) reads a service-account or cloud token, queries the instance metadata service, opens a reverse shell, fetches with curl/wget or reads credential files.",
  refs: { mitre: ["T1609", "T1552.007", "T1552.005", "T1059"], ms: ["MS-TA9006", "MS-TA9007", "MS-TA9033"], falco: ["Attach/Exec Pod"], sigma: ["Kubernetes Potential Enumeration Activity"], elastic: ["Kubernetes Pod Exec Potential Reverse Shell", "Kubernetes Pod Exec Cloud Instance Metadata Access", "Kubernetes Pod Exec Sensitive File or Credential Path Access", "Kubernetes Pod Exec with Curl or Wget to HTTPS"] },
  needs: { level: "Metadata", stage: "ResponseStarted" },
  covers: ["Exec with suspicious command (shell/curl/wget/token/IMDS/reverse shell)"],
  resources: ["pods"],
  check: (e) => {
    if (!e.exec || !isExecLike(e.verb, e.objectRef.subresource) || !isSuccessful(e)) return;
    if (isSystemPrincipal(e.user.username) && isSystemNamespace(e.objectRef.namespace)) return;
    const cmd = e.exec.command.join(" ");
    const why = PATTERNS.filter(([re]) => re.test(cmd)).map(([, w]) => w);
    if (why.length === 0) return;
    return {
      message: `${describePrincipal(e)} exec'd '${cmd}' in pod '${e.objectRef.name ?? "?"}' in '${e.objectRef.namespace ?? "?"}': ${why.join("; ")}`,
      severity: why.some((w) => w.includes("reverse shell") || w.includes("token") || w.includes("metadata")) ? "high" : "medium",
      evidence: { command: e.exec.command },
    };
  },
});
