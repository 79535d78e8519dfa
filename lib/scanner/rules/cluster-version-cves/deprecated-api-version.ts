import { defineRule } from "../../define-rule";
import { REMOVED_APIS } from "./_lib/deprecated-apis";
import { observedVersions } from "./_lib/versions";

export default defineRule({
  id: "TWR-0903",
  name: "deprecated-api-version",
  title: "Manifest uses a removed Kubernetes API version",
  severity: "low",
  theme: "cluster-version-cves",
  targets: Object.keys(REMOVED_APIS),
  description:
    "Objects written against API versions that Kubernetes has removed (extensions/v1beta1, apps/v1beta1/v1beta2, policy/v1beta1 PodSecurityPolicy, batch/v1beta1 CronJob, ...) are rejected by current API servers. Deployments then fail mid-upgrade, and security controls defined in them (PodSecurityPolicies, NetworkPolicies, admission webhooks) silently stop being applied. The message names the release that removed the version and, when known, the cluster's own version.",
  remediation:
    "Migrate the manifest to the replacement apiVersion named in the finding (kubectl convert or the migration guide); replace PodSecurityPolicy with Pod Security Admission labels on namespaces.",
  references: ["https://kubernetes.io/docs/reference/using-api/deprecation-guide/", "https://kubernetes.io/docs/reference/using-api/deprecation-policy/"],
  refs: { ksv: ["KSV-0107"], kubeaudit: ["deprecatedapis"] },
  check: (obj, ctx) => {
    const removed = REMOVED_APIS[obj.kind ?? ""]?.[obj.apiVersion ?? ""];
    if (!removed) return [];
    const [inVersion, replacement] = removed;
    const server = observedVersions(ctx).find((o) => o.role === "control-plane")?.version;
    const cluster = server ? ` (the cluster runs ${server.raw})` : "";
    return [{ path: "apiVersion", value: obj.apiVersion, message: `${obj.kind} '${obj.metadata?.name ?? "?"}' uses apiVersion ${obj.apiVersion}, removed in Kubernetes ${inVersion}${cluster}; use ${replacement}` }];
  },
});
