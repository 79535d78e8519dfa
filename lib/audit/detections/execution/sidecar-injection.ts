import { defineStatefulDetection } from "../../define-detection";
import { describePrincipal, isSuccessful, isSystemPrincipal } from "../../event-helpers";
import { podSpecsOf } from "../../pod-spec";

type Workload = { containers: string[]; deployer: string };
type State = { workloads: Record<string, Workload> };
const RESOURCES = ["deployments", "daemonsets", "statefulsets"];
const ADDS_CONTAINER = /^\/spec\/template\/spec\/(containers|initContainers)(\/(\d+|-))?$/;

export default defineStatefulDetection<State>({
  id: "TWD-0034",
  name: "sidecar-injection",
  title: "Sidecar/container injected into running workload",
  severity: "medium",
  tactic: "execution",
  description:
    "A container was added to an existing Deployment, DaemonSet or StatefulSet by a principal other than the one that last deployed it: a sidecar riding on a trusted workload's identity and network.",
  refs: { mitre: ["T1610", "T1609"], ms: ["MS-TA9011"], falco: [], sigma: ["Potential Sidecar Injection Into Running Deployment"] },
  needs: { level: "Request", stage: "ResponseComplete" },
  covers: ["Sidecar/container injected into running workload"],
  resources: RESOURCES,
  initialState: () => ({ workloads: {} }),
  step: (s, e) => {
    if (!["create", "update", "patch"].includes(e.verb) || e.objectRef.subresource || !isSuccessful(e)) return;
    const key = `${e.objectRef.resource}/${e.objectRef.namespace}/${e.objectRef.name}`;
    const names = (podSpecsOf(e.object)[0]?.containers ?? []).map((c) => c.name ?? "?").filter((n) => n !== "?");
    const user = e.user.username;
    const known = s.workloads[key];
    if (e.verb === "create") {
      s.workloads[key] = { containers: names, deployer: user };
      return;
    }
    const patchAdds = e.requestPatch?.some((op) => op.op === "add" && ADDS_CONTAINER.test(op.path)) ?? false;
    const added = known ? names.filter((n) => !known.containers.includes(n)) : [];
    if (names.length) s.workloads[key] = { containers: [...new Set([...(known?.containers ?? []), ...names])], deployer: known?.deployer ?? user };
    if ((added.length === 0 && !patchAdds) || (!known && !patchAdds)) return;
    if (isSystemPrincipal(user) || known?.deployer === user) return;
    return {
      message: `${describePrincipal(e)} added container(s) ${added.length ? added.join(", ") : "(JSON patch)"} to ${e.objectRef.resource} '${e.objectRef.name ?? "?"}' in '${e.objectRef.namespace ?? "?"}'${known ? ` (deployed by ${known.deployer})` : ""}`,
    };
  },
});
