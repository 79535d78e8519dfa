import { defineDetection } from "../../define-detection";
import { allowedBy, describePrincipal } from "../../event-helpers";
import { kindLabel, securityContextOf } from "../../pod-spec";
import { isPlatformWorkload, podChangeOf, workloadLabel } from "../../workload";

export default defineDetection({
  id: "TWD-0027",
  name: "privileged-container",
  title: "Privileged container in pod or workload template",
  severity: "high",
  tactic: "privilege-escalation",
  description:
    "A Pod or workload template was written with a container (including init and ephemeral containers) that sets securityContext.privileged=true: root on the node. Patches are judged on the response object, or on the JSON patch rebuilt as an object. Platform components in system namespaces are excluded.",
  refs: { mitre: ["T1611", "T1610"], ms: ["MS-TA9018"], falco: ["Create Privileged Pod"], sigma: ["Privileged Container Deployed"], elastic: ["Kubernetes Privileged Pod Created"] },
  needs: { level: "Request", stage: "ResponseComplete" },
  covers: ["Privileged container in pod or workload template"],
  resources: ["pods", "deployments", "daemonsets", "statefulsets", "replicasets", "jobs", "cronjobs", "replicationcontrollers"],
  check: (e) => {
    const pod = podChangeOf(e);
    if (!pod || isPlatformWorkload(e)) return;
    const hits = pod.containers.filter((c) => securityContextOf(c).privileged === true);
    if (hits.length === 0) return;
    return {
      message: `${hits.map(kindLabel).join(", ")} of ${workloadLabel(e)} sets securityContext.privileged=true (${e.verb} by ${describePrincipal(e)})${allowedBy(e)}`,
      evidence: { containers: hits.map((c) => c.name), images: hits.map((c) => c.image) },
    };
  },
});
