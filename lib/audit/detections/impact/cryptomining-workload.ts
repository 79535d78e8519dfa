import { defineDetection } from "../../define-detection";
import { describePrincipal } from "../../event-helpers";
import { podChangeOf, workloadLabel } from "../../workload";

const MINER = /xmrig|stratum\+(tcp|ssl)|--donate-level|\bminerd\b|cpuminer|xmr-stak|nicehash|cryptonight|ethminer|t-rex|lolminer|nbminer|nanominer|monero/i;

export default defineDetection({
  id: "TWD-0049",
  name: "cryptomining-workload",
  title: "Cryptomining-like workload deployed",
  severity: "medium",
  tactic: "impact",
  description: "A Pod or workload template uses an image, command or argument typical of cryptocurrency miners (xmrig, stratum+tcp pools, --donate-level, minerd...).",
  refs: { mitre: ["T1496"], ms: ["MS-TA9039"], falco: ["Create Disallowed Pod"] },
  needs: { level: "Request", stage: "ResponseComplete" },
  covers: ["Cryptomining-like workload deployed"],
  resources: ["pods", "deployments", "daemonsets", "statefulsets", "replicasets", "jobs", "cronjobs", "replicationcontrollers"],
  check: (e) => {
    const pod = podChangeOf(e);
    if (!pod) return;
    const hits = pod.containers.filter((c) => MINER.test([c.image, ...(Array.isArray(c.command) ? c.command : []), ...(Array.isArray(c.args) ? c.args : [])].join(" ")));
    if (hits.length === 0) return;
    return {
      message: `${workloadLabel(e)} runs miner-like container(s) ${hits.map((c) => `'${c.name ?? "?"}' (${c.image ?? "?"})`).join(", ")} (${e.verb} by ${describePrincipal(e)})`,
      severity: pod.containers.length === hits.length ? "high" : "medium",
    };
  },
});
