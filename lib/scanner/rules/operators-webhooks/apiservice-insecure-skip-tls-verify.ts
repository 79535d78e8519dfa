import { defineRule } from "../../define-rule";

export default defineRule({
  id: "TWR-0807",
  name: "apiservice-insecure-skip-tls-verify",
  title: "Aggregated APIService skips TLS verification",
  severity: "high",
  theme: "operators-webhooks",
  targets: ["APIService"],
  description:
    "An APIService with insecureSkipTLSVerify: true makes the API server proxy requests for that API group (with the caller's identity in headers) to its backing Service without checking the server certificate. Whoever can intercept or impersonate that Service, for example by controlling its endpoints, receives authenticated requests and can answer them (CVE-2022-3172 context). Local APIServices without spec.service are not affected.",
  remediation: "Set spec.caBundle to the CA of the extension API server's serving certificate and remove spec.insecureSkipTLSVerify (for metrics-server, deploy with a proper serving certificate).",
  references: [
    "https://kubernetes.io/docs/tasks/extend-kubernetes/configure-aggregation-layer/",
    "https://github.com/kubernetes/kubernetes/issues/112513",
  ],
  refs: { kubescape: ["C-0089"] },
  check: (obj) => {
    const spec = (obj.spec ?? {}) as { insecureSkipTLSVerify?: unknown; service?: { namespace?: string; name?: string } | null };
    if (spec.insecureSkipTLSVerify !== true || !spec.service) return [];
    return [{ path: "spec.insecureSkipTLSVerify", value: true, message: `APIService '${obj.metadata?.name}' sets spec.insecureSkipTLSVerify=true for Service '${spec.service.namespace ?? "?"}/${spec.service.name ?? "?"}'` }];
  },
});
