import { defineDetection } from "../../define-detection";
import { describePrincipal, isSuccessful, MUTATE_VERBS } from "../../event-helpers";

const CREDENTIAL = /aws[_-](s3[_-])?access[_-]key[_-]id|aws[_-]secret[_-]access[_-]key|passw(or)?d|passphrase|secret[_-]?key|api[_-]?key|access[_-]?token|client[_-]secret|BEGIN [A-Z ]*PRIVATE KEY/i;

export default defineDetection({
  id: "TWD-0050",
  name: "configmap-credentials",
  title: "ConfigMap created/modified with credential-like values",
  severity: "low",
  tactic: "credential-access",
  description:
    "A ConfigMap was written with keys or values that look like credentials (AWS keys, passwords, passphrases, private keys). ConfigMaps are readable by far more principals than Secrets. Needs Request level for configmaps.",
  refs: { mitre: ["T1552.001"], ms: ["MS-TA9027"], falco: ["Create/Modify Configmap With Private Credentials"] },
  needs: { level: "Request", stage: "ResponseComplete" },
  covers: ["ConfigMap created/modified with credential-like values"],
  resources: ["configmaps"],
  check: (e) => {
    if (!MUTATE_VERBS.includes(e.verb) || !isSuccessful(e)) return;
    const data = e.object?.data;
    if (!data || typeof data !== "object") return;
    const keys = Object.entries(data as Record<string, unknown>)
      .filter(([k, v]) => CREDENTIAL.test(k) || (typeof v === "string" && CREDENTIAL.test(v)))
      .map(([k]) => k);
    if (keys.length === 0) return;
    return { message: `${describePrincipal(e)} wrote credential-like values to ConfigMap '${e.objectRef.name ?? "?"}' in '${e.objectRef.namespace ?? "?"}' (keys: ${keys.join(", ")})` };
  },
});
