import { BOOTSTRAP_USER_AGENTS } from "../../allowlists";
import { defineDetection } from "../../define-detection";
import { describePrincipal, isHumanLike, isSuccessful, isSystemPrincipal } from "../../event-helpers";

type Obj = Record<string, unknown>;

export default defineDetection({
  id: "TWD-0018",
  name: "legacy-token-secret",
  title: "Legacy long-lived SA token secret created",
  severity: "medium",
  tactic: "persistence",
  description:
    "A Secret of type kubernetes.io/service-account-token was created by someone other than the token controller: a non-expiring credential for that service account. At Metadata level the type is not logged, so a human creating a secret in kube-system is reported instead (bootstrap tools excluded).",
  refs: { mitre: ["T1098", "T1528"], ms: ["MS-TA9016"], falco: ["K8s Secret Created"], sigma: ["Kubernetes Secrets Modified or Deleted"] },
  needs: { level: "Request", stage: "ResponseComplete" },
  covers: ["Legacy long-lived SA token secret created"],
  resources: ["secrets"],
  check: (e) => {
    if (e.verb !== "create" || !isSuccessful(e) || isSystemPrincipal(e.user.username)) return;
    const obj = e.object;
    const name = e.objectRef.name ?? ((obj?.metadata as Obj | undefined)?.name as string | undefined) ?? "?";
    if (obj) {
      const account = ((obj.metadata as Obj | undefined)?.annotations as Obj | undefined)?.["kubernetes.io/service-account.name"];
      if (obj.type !== "kubernetes.io/service-account-token" && typeof account !== "string") return;
      return { message: `${describePrincipal(e)} created long-lived token secret '${name}' in '${e.objectRef.namespace ?? "?"}'${typeof account === "string" ? ` for service account '${account}'` : ""}` };
    }
    if (e.objectRef.namespace !== "kube-system" || !isHumanLike(e)) return;
    if (name.startsWith("bootstrap-token-") || BOOTSTRAP_USER_AGENTS.some((ua) => e.userAgent.startsWith(ua))) return;
    return { message: `${describePrincipal(e)} created secret '${name}' in kube-system (type not logged at Metadata level)`, severity: "low" };
  },
});
