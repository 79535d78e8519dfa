import { defineSnapshotRule } from "../../define-rule";
import { describeChain, describeSubjects, effectivePermissions, grantsOnlyDiscovery, RBAC_TARGETS, subjectPaths } from "../../rbac";
import type { Hit } from "../../types";

const isAnonymous = (kind: string, name: string) => (kind === "User" && name === "system:anonymous") || (kind === "Group" && name === "system:unauthenticated");

export default defineSnapshotRule({
  id: "TWR-0305",
  name: "anonymous-access-binding",
  title: "RBAC grants access to anonymous users",
  severity: "critical",
  theme: "rbac-api-access",
  description:
    "A binding whose subject is user system:anonymous or group system:unauthenticated grants its role to anyone who can reach the API server without credentials (when anonymous auth is on, the default). Reported on the binding, naming the subjects and the role. Bindings that only grant discovery (health, version and self-review endpoints, like the default system:public-info-viewer) are not reported; a missing role is reported by dangling-rbac-binding.",
  remediation: "Remove system:anonymous and system:unauthenticated from the binding's subjects; bind the permissions to authenticated users or groups instead, and run kube-apiserver with --anonymous-auth=false.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests", "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"],
  refs: { ksv: ["KSV-0122"] },
  targets: RBAC_TARGETS,
  check: (ctx) => {
    const hits: Hit[] = [];
    for (const b of effectivePermissions(ctx.snapshot).bindings) {
      const anon = new Set(b.subjects.filter((s) => isAnonymous(s.subject.kind, s.subject.name)).map((s) => s.index));
      if (!anon.size || !b.role || grantsOnlyDiscovery(b.role)) continue;
      const pick = (i: number) => anon.has(i);
      hits.push({
        object: b.obj,
        path: "roleRef.name",
        value: b.roleRef.name,
        message: `${describeChain(b, b.role)} grants ${describeSubjects(b, pick)} (any unauthenticated client) the role's permissions ${b.kind === "RoleBinding" ? `in namespace '${b.namespace}'` : "cluster-wide"}`,
        extraPaths: subjectPaths(b, pick),
      });
    }
    return hits;
  },
});
