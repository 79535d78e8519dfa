import { defineRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";

export default defineRule({
  id: "TWR-0601",
  name: "ingress-without-tls",
  title: "Ingress without TLS",
  severity: "medium",
  theme: "ingress",
  targets: ["Ingress"],
  description:
    "An Ingress with no spec.tls serves its hosts over plain HTTP: credentials, session cookies and data cross the network " +
    "readable and modifiable. Tower, like kubescape and Polaris, fires when spec.tls is absent or empty; an Ingress that " +
    "terminates TLS for some of its hosts passes.",
  remediation:
    "Add spec.tls with the hosts and a certificate Secret (cert-manager can issue and renew it), and redirect HTTP to HTTPS " +
    "(ingress-nginx does so by default once TLS is set).",
  references: ["https://kubernetes.io/docs/concepts/services-networking/ingress/#tls"],
  refs: { kubescape: ["C-0263"], polaris: ["tlsSettingsMissing"] },
  check: (obj) => {
    const spec = (obj.spec ?? {}) as { tls?: unknown };
    if (Array.isArray(spec.tls) && spec.tls.length > 0) return [];
    return [{ path: "spec.tls", message: `${describeObject(obj)} has no spec.tls: its hosts are served over plain HTTP` }];
  },
});
