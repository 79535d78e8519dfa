import { defineSnapshotRule } from "../../define-rule";
import { CAPABILITIES, capabilityHits, evaluate, RBAC_TARGETS } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0320",
  name: "rbac-approve-csr",
  title: "RBAC grants approving CertificateSigningRequests",
  severity: "high",
  theme: "rbac-api-access",
  description:
    "Approving a CertificateSigningRequest needs update on certificatesigningrequests/approval and approve on the signer. With both, and create on certificatesigningrequests, a subject can issue itself a client certificate for any user or group the signer allows (system:masters through kubernetes.io/kube-apiserver-client). Both permissions must be present for a finding; the message says whether the subject can also create CSRs. Reported on each ClusterRoleBinding that grants it (naming its subjects and role), or on the ClusterRole itself when no binding uses it yet; Kubernetes' own system: roles and bindings are excluded.",
  remediation: "Keep CSR approval with the controller manager and a few administrators; restrict approve on signers with resourceNames to the signers a component really needs (for example kubernetes.io/kubelet-serving).",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/#authorization", "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#csrs-and-certificate-issuing"],
  refs: { cis: ["5.1.11"], checkov: ["CKV_K8S_156"] },
  targets: RBAC_TARGETS,
  check: (ctx) =>
    capabilityHits(ctx, CAPABILITIES.approveCsr, {
      note: (b) =>
        b.role && evaluate(b.role.rules, CAPABILITIES.createCsr, b.kind === "RoleBinding")
          ? "The same role also creates CertificateSigningRequests: it can issue itself a certificate for any identity the signer allows"
          : "",
    }),
});
