import { defineSnapshotRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import { componentPods, flagsPath } from "../../rbac";

export default defineSnapshotRule({
  id: "TWR-0331",
  name: "apiserver-authorization-always-allow",
  title: "kube-apiserver authorizes every request (AlwaysAllow)",
  severity: "critical",
  theme: "rbac-api-access",
  description:
    "With AlwaysAllow in --authorization-mode, every authenticated request (and every anonymous one, if anonymous auth is on) is allowed: RBAC is bypassed. AlwaysAllow is also kube-apiserver's default when neither --authorization-mode nor --authorization-config is given. Read from the kube-apiserver static pod in kube-system; nothing is reported when that pod is absent (managed clusters).",
  remediation: "Set --authorization-mode=Node,RBAC (without AlwaysAllow), or an --authorization-config that uses Node and RBAC authorizers.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/authorization/#authorization-modules", "https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  refs: { kubescape: ["C-0118"] },
  targets: ["Pod"],
  check: (ctx) =>
    componentPods(ctx.snapshot, "kube-apiserver").flatMap((c) => {
      const flag = c.flags.get("authorization-mode");
      if (!flag) {
        if (c.flags.has("authorization-config")) return [];
        return [{ object: c.obj, path: flagsPath(c), message: `${describeObject(c.obj)} runs kube-apiserver without --authorization-mode or --authorization-config, so the default AlwaysAllow applies` }];
      }
      const modes = flag.value.split(",").map((m) => m.trim());
      if (!modes.includes("AlwaysAllow")) return [];
      return [{ object: c.obj, path: flag.path, value: `--authorization-mode=${flag.value}`, message: `${describeObject(c.obj)} runs kube-apiserver with --authorization-mode=${flag.value}, which includes AlwaysAllow` }];
    }),
});
