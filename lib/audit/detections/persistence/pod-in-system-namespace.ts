import { defineDetection } from "../../define-detection";
import { allowedBy, describePrincipal, isNode, isSuccessful, isSystemPrincipal } from "../../event-helpers";

type Obj = Record<string, unknown>;
const NAMESPACES = ["kube-system", "kube-public", "kube-node-lease"];
const isController = (user: string) => /^system:serviceaccount:kube-system:[\w-]*controller$/.test(user) || user === "system:kube-controller-manager";

export default defineDetection({
  id: "TWD-0031",
  name: "pod-in-system-namespace",
  title: "Pod created directly in kube-system/kube-public by non-controller (masquerade)",
  severity: "high",
  tactic: "persistence",
  description:
    "A bare Pod (no owner) was created in a system namespace by someone other than a controller or a kubelet (mirror pods): a workload hiding among the platform's. Critical when it mimics a controller-made name or uses a controller service account.",
  refs: { mitre: ["T1036.005", "T1610"], ms: ["MS-TA9023", "MS-TA9012"], falco: ["Pod Created in Kube Namespace"], sigma: ["Creation Of Pod In System Namespace"], elastic: ["Kubernetes Suspicious Assignment of Controller Service Account"] },
  needs: { level: "Request", stage: "ResponseComplete" },
  covers: ["Pod created directly in kube-system/kube-public by non-controller (masquerade)"],
  resources: ["pods"],
  check: (e) => {
    const ns = e.objectRef.namespace ?? "";
    if (e.verb !== "create" || e.objectRef.subresource || !isSuccessful(e)) return;
    if (!(NAMESPACES.includes(ns) || ns.startsWith("gke-"))) return;
    const user = e.user.username;
    // Other kube-system service accounts stay in scope: a stolen one is the masquerade this looks for.
    if (isController(user) || isNode(user) || (isSystemPrincipal(user) && !user.startsWith("system:serviceaccount:kube-system:"))) return;
    const meta = (e.object?.metadata ?? {}) as Obj;
    if (Array.isArray(meta.ownerReferences) && meta.ownerReferences.length > 0) return;
    const name = e.objectRef.name ?? (meta.name as string | undefined) ?? (meta.generateName as string | undefined) ?? "?";
    const sa = ((e.object?.spec ?? {}) as Obj).serviceAccountName;
    const mimics = /-[a-z0-9]{8,10}-[a-z0-9]{5}$/.test(name) || (typeof sa === "string" && sa.endsWith("-controller"));
    return {
      message: `${describePrincipal(e)} created bare pod '${name}' in namespace '${ns}'${typeof sa === "string" ? ` with service account '${sa}'` : ""}${allowedBy(e)}`,
      severity: mimics ? "critical" : "high",
    };
  },
});
