import { parse } from "yaml";
import { defineSnapshotRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { componentPods, flagsPath } from "../../rbac";
import type { Hit, K8sObject } from "../../types";

const anonymousEnabled = (config: unknown): boolean | undefined => {
  const auth = (config as { authentication?: { anonymous?: { enabled?: unknown } } } | null)?.authentication;
  const enabled = auth?.anonymous?.enabled;
  return typeof enabled === "boolean" ? enabled : undefined;
};

const parseConfig = (text: string): unknown => {
  try {
    return parse(text, { maxAliasCount: 50 });
  } catch {
    return undefined;
  }
};

/** kubeadm writes the cluster-wide KubeletConfiguration to kube-system/kubelet-config (kubelet-config-1.xx before v1.24). */
const isKubeadmConfigMap = (o: K8sObject) => o.metadata?.namespace === "kube-system" && /^kubelet-config(-\d+\.\d+)?$/.test(o.metadata?.name ?? "");

const MESSAGE = "authentication.anonymous.enabled=true: the kubelet API (port 10250) serves unauthenticated requests";

export default defineSnapshotRule({
  id: "TWR-0333",
  name: "kubelet-anonymous-auth-enabled",
  title: "Kubelet accepts anonymous requests",
  severity: "critical",
  theme: "rbac-api-access",
  description:
    "A kubelet with anonymous authentication enabled serves its API (exec, logs, pod listing on port 10250) to anyone who reaches the node; with AlwaysAllow authorization that is remote code execution in every pod of the node. Read from KubeletConfiguration documents (kubelet.config.k8s.io), the kubelet-config ConfigMap that kubeadm keeps in kube-system, and kubelet static pods' --anonymous-auth flag (whose default is true when no --config file is given). The KubeletConfiguration default is false, so only an explicit true is reported there.",
  remediation: "Set authentication.anonymous.enabled: false (and authentication.webhook.enabled: true, authorization.mode: Webhook) in the KubeletConfiguration, or start the kubelet with --anonymous-auth=false.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/", "https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/"],
  refs: { checkov: ["CKV_K8S_138"] },
  targets: ["KubeletConfiguration", "ConfigMap", "Pod"],
  check: (ctx) => {
    const hits: Hit[] = [];
    for (const o of ctx.snapshot.byKind("KubeletConfiguration")) {
      if (!o.apiVersion?.startsWith("kubelet.config.k8s.io/")) continue;
      if (anonymousEnabled(o) === true) hits.push({ object: o, path: "authentication.anonymous.enabled", value: true, message: `KubeletConfiguration '${o.metadata?.name ?? "(unnamed)"}' sets ${MESSAGE}` });
    }
    for (const o of ctx.snapshot.byKind("ConfigMap")) {
      const text = (o.data as Record<string, unknown> | undefined)?.kubelet;
      if (!isKubeadmConfigMap(o) || typeof text !== "string") continue;
      if (anonymousEnabled(parseConfig(text)) === true) hits.push({ object: o, path: "data.kubelet", message: `ConfigMap 'kube-system/${o.metadata?.name}' (kubeadm's KubeletConfiguration) sets ${MESSAGE}` });
    }
    for (const c of componentPods(ctx.snapshot, "kubelet")) {
      const flag = c.flags.get("anonymous-auth");
      if (flag ? flag.value !== "true" : c.flags.has("config")) continue;
      hits.push({
        object: c.obj,
        path: flag?.path ?? flagsPath(c),
        message: flag ? `${describeObject(c.obj)} runs the kubelet with --anonymous-auth=true` : `${describeObject(c.obj)} runs the kubelet without --anonymous-auth=false or a --config file (anonymous requests are accepted by default)`,
      });
    }
    return hits;
  },
});
