import { defineSnapshotRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { componentPods, flagsPath } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0330",
  name: "apiserver-anonymous-auth-enabled",
  title: "kube-apiserver accepts anonymous requests",
  severity: "high",
  theme: "rbac-api-access",
  description:
    "kube-apiserver treats requests without credentials as user system:anonymous (group system:unauthenticated) unless --anonymous-auth=false; whatever RBAC grants those identities, and any future mistake in it, is then open to the network. Read from the kube-apiserver static pod in kube-system; nothing is reported when that pod is absent (managed clusters) or when anonymous access is configured through --authentication-config, which Tower cannot see.",
  remediation: "Start kube-apiserver with --anonymous-auth=false (or, from v1.32, an AuthenticationConfiguration that limits anonymous access to /healthz, /livez and /readyz).",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/", "https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests"],
  refs: { kubescape: ["C-0113"], checkov: ["CKV_K8S_68"] },
  targets: ["Pod"],
  check: (ctx) =>
    componentPods(ctx.snapshot, "kube-apiserver").flatMap((c) => {
      const flag = c.flags.get("anonymous-auth");
      if (flag?.value === "false" || (!flag && c.flags.has("authentication-config"))) return [];
      return [{
        object: c.obj,
        path: flag?.path ?? flagsPath(c),
        value: flag ? `--anonymous-auth=${flag.value}` : undefined,
        message: flag
          ? `${describeObject(c.obj)} runs kube-apiserver with --anonymous-auth=${flag.value}`
          : `${describeObject(c.obj)} runs kube-apiserver without --anonymous-auth=false (anonymous requests are accepted by default)`,
      }];
    }),
});
