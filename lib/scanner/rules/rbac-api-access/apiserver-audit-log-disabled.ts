import { defineSnapshotRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { componentPods, flagsPath } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0332",
  name: "apiserver-audit-log-disabled",
  title: "kube-apiserver writes no audit log",
  severity: "medium",
  theme: "rbac-api-access",
  description:
    "Without an audit backend (--audit-log-path or --audit-webhook-config-file) kube-apiserver records no audit events: who read a Secret, exec'd into a pod or changed RBAC cannot be investigated afterwards, and Tower's audit analysis has nothing to read. Events are also only recorded when --audit-policy-file is set; the message says when it is missing too. Read from the kube-apiserver static pod in kube-system; nothing is reported when that pod is absent (managed clusters configure audit logs in the provider's console).",
  remediation: "Start kube-apiserver with --audit-policy-file=<policy> and --audit-log-path=<file> (with --audit-log-maxage/maxbackup/maxsize) or --audit-webhook-config-file to ship events.",
  references: ["https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/", "https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  refs: { kubescape: ["C-0130"], checkov: ["CKV_K8S_91"] },
  targets: ["Pod"],
  check: (ctx) =>
    componentPods(ctx.snapshot, "kube-apiserver").flatMap((c) => {
      if (c.flags.has("audit-log-path") || c.flags.has("audit-webhook-config-file")) return [];
      const policy = c.flags.has("audit-policy-file") ? "" : " (nor --audit-policy-file)";
      return [{ object: c.obj, path: flagsPath(c), message: `${describeObject(c.obj)} runs kube-apiserver without --audit-log-path or --audit-webhook-config-file${policy}: no audit log is written` }];
    }),
});
