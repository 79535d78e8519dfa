import { csrSubject } from "../../csr";
import { defineStatefulDetection } from "../../define-detection";
import { describePrincipal, isSuccessful, isSystemPrincipal } from "../../event-helpers";

type Obj = Record<string, unknown>;
type State = { creators: Record<string, string> };
const CLIENT_SIGNER = "kubernetes.io/kube-apiserver-client";

export default defineStatefulDetection<State>({
  id: "TWD-0019",
  name: "csr-privileged-identity",
  title: "Client certificate CSR for privileged identity / self-approved",
  severity: "critical",
  tactic: "persistence",
  description:
    "A client-certificate CertificateSigningRequest by a non-controller principal: a credential that outlives any token revocation. Critical when the subject is a system identity or in group system:masters, or when the requester approves its own request.",
  refs: { mitre: ["T1098", "T1649"], ms: [], falco: [], elastic: ["Kubernetes Client Certificate Signing Request Created or Approved", "GKE Certificate Signing Request for Privileged Identity", "GKE Certificate Signing Request Self-Approved"] },
  needs: { level: "Request", stage: "ResponseComplete" },
  covers: ["Client certificate CSR for privileged identity / self-approved"],
  resources: ["certificatesigningrequests"],
  initialState: () => ({ creators: {} }),
  step: (s, e) => {
    const user = e.user.username;
    const name = e.objectRef.name ?? ((e.object?.metadata as Obj | undefined)?.name as string | undefined) ?? "?";
    if (!isSuccessful(e) || isSystemPrincipal(user) || user.startsWith("system:bootstrap:")) return;
    if (e.verb === "create" && !e.objectRef.subresource) {
      s.creators[name] = user;
      const spec = (e.object?.spec ?? {}) as Obj;
      const usages = Array.isArray(spec.usages) ? spec.usages : [];
      const client = spec.signerName === CLIENT_SIGNER || usages.includes("client auth") || spec.signerName === undefined;
      if (!client || (spec.signerName && spec.signerName !== CLIENT_SIGNER)) return;
      const subject = csrSubject(spec.request);
      const groups = [...(subject?.organizations ?? []), ...(Array.isArray(spec.groups) ? (spec.groups as string[]) : [])];
      const privileged = subject?.commonName?.startsWith("system:") || groups.includes("system:masters");
      return {
        message: `${describePrincipal(e)} requested client certificate '${name}'${subject?.commonName ? ` for CN=${subject.commonName}` : ""}${subject?.organizations.length ? ` O=${subject.organizations.join(",")}` : ""}`,
        severity: privileged ? "critical" : "medium",
      };
    }
    if ((e.verb === "update" || e.verb === "patch") && e.objectRef.subresource === "approval") {
      const self = s.creators[name] === user;
      return { message: `${describePrincipal(e)} approved CSR '${name}'${self ? " that it requested itself" : ""}`, severity: self ? "critical" : "high" };
    }
  },
});
