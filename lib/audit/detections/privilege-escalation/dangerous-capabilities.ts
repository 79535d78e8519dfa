import { defineDetection } from "../../define-detection";
import { describePrincipal } from "../../event-helpers";
import { kindLabel, securityContextOf } from "../../pod-spec";
import { isPlatformWorkload, podChangeOf, workloadLabel } from "../../workload";

const DANGEROUS = ["SYS_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "SYS_BOOT", "NET_ADMIN", "BPF", "DAC_READ_SEARCH", "ALL"];
const norm = (c: unknown) => String(c).toUpperCase().replace(/^CAP_/, "");

export default defineDetection({
  id: "TWD-0030",
  name: "dangerous-capabilities",
  title: "Dangerous Linux capabilities added",
  severity: "high",
  tactic: "privilege-escalation",
  description:
    "A container adds Linux capabilities that allow escaping to the node or tampering with it (SYS_ADMIN, SYS_PTRACE, SYS_MODULE, NET_ADMIN, BPF, ALL...), or runs as UID 0 with allowPrivilegeEscalation=true.",
  refs: { mitre: ["T1611"], ms: ["MS-TA9018"], falco: [], sigma: ["Privileged Container Deployed"], elastic: ["Kubernetes Container Created with Excessive Linux Capabilities"] },
  needs: { level: "Request", stage: "ResponseComplete" },
  covers: ["Dangerous Linux capabilities added"],
  resources: ["pods", "deployments", "daemonsets", "statefulsets", "replicasets", "jobs", "cronjobs", "replicationcontrollers"],
  check: (e) => {
    const pod = podChange(e);
    if (!pod) return;
    const podUser = (pod.spec.securityContext as Record<string, unknown> | undefined)?.runAsUser;
    const findings: string[] = [];
    for (const c of pod.containers) {
      const sc = securityContextOf(c);
      const add = ((sc.capabilities as Record<string, unknown> | undefined)?.add ?? []) as unknown[];
      const bad = Array.isArray(add) ? add.map(norm).filter((x) => DANGEROUS.includes(x)) : [];
      if (bad.length) findings.push(`${kindLabel(c)} adds ${bad.join(", ")}`);
      else if (sc.allowPrivilegeEscalation === true && (sc.runAsUser ?? podUser) === 0) findings.push(`${kindLabel(c)} runs as UID 0 with allowPrivilegeEscalation=true`);
    }
    if (findings.length === 0) return;
    return { message: `${findings.join("; ")} in ${workloadLabel(e)} (${e.verb} by ${describePrincipal(e)})` };
  },
});

const podChange = (e: Parameters<typeof podChangeOf>[0]) => (isPlatformWorkload(e) ? undefined : podChangeOf(e));
