import { defineDetection } from "../../define-detection";
import { describePrincipal, isDeployer, isSuccessful, isSystemPrincipal, MUTATE_VERBS } from "../../event-helpers";
import { podSpecsOf, securityContextOf } from "../../pod-spec";

type Obj = Record<string, unknown>;

const frequent = (schedule: unknown) => {
  if (typeof schedule !== "string") return false;
  const minute = schedule.trim().split(/\s+/)[0];
  const step = /^\*\/(\d+)$/.exec(minute ?? "");
  return minute === "*" || (!!step && Number(step[1]) <= 5);
};

export default defineDetection({
  id: "TWD-0032",
  name: "cronjob-modified",
  title: "CronJob/Job created or modified",
  severity: "medium",
  tactic: "persistence",
  description:
    "A CronJob or Job was created or changed by a principal that is not a controller or a known CI/GitOps deployer: scheduled execution is a classic persistence foothold. High when the template is privileged, mounts the host, runs in kube-system or fires every 5 minutes or more often.",
  refs: { mitre: ["T1053.007"], ms: ["MS-TA9014"], falco: [], sigma: ["Kubernetes CronJob/Job Modification"], elastic: ["Unusual Kubernetes Sensitive Workload Modification"] },
  needs: { level: "Metadata", stage: "ResponseComplete" },
  covers: ["CronJob/Job created or modified"],
  resources: ["cronjobs", "jobs"],
  check: (e) => {
    if (!MUTATE_VERBS.includes(e.verb) || e.objectRef.subresource || !isSuccessful(e)) return;
    if (e.objectRef.apiGroup && e.objectRef.apiGroup !== "batch") return;
    const user = e.user.username;
    if (isSystemPrincipal(user) || isDeployer(user)) return;
    const pod = podSpecsOf(e.object)[0];
    const risky =
      pod?.containers.some((c) => securityContextOf(c).privileged === true) ||
      (Array.isArray(pod?.spec.volumes) && pod.spec.volumes.some((v) => !!(v as Obj)?.hostPath)) ||
      e.objectRef.namespace === "kube-system" ||
      frequent((e.object?.spec as Obj | undefined)?.schedule);
    const kind = e.objectRef.resource === "cronjobs" ? "CronJob" : "Job";
    return {
      message: `${describePrincipal(e)} ${e.verb === "create" ? "created" : "modified"} ${kind} '${e.objectRef.name ?? "?"}' in '${e.objectRef.namespace ?? "?"}'${risky ? " (privileged, host-mounting, kube-system or very frequent)" : ""}`,
      severity: risky ? "high" : "medium",
    };
  },
});
