import { defineSnapshotRule } from "../../define-rule";
import { describeObject, podSpecOf } from "../../pod-spec";
import type { Hit, K8sObject } from "../../types";
import { defaultSaBindings } from "./_practice/default-sa-bindings";
import { ownerRefsOf } from "./_practice/pod-meta";
import { serviceAccountOf } from "./_practice/service-account";

const hasPresentController = (obj: K8sObject, byName: (kind: string, ns: string | undefined, name: string) => unknown) =>
  ownerRefsOf(obj).some((o) => o.controller === true && typeof o.kind === "string" && typeof o.name === "string" && byName(o.kind, obj.metadata?.namespace, o.name) !== undefined);

export default defineSnapshotRule({
  id: "TWR-0160",
  name: "default-service-account-in-use",
  title: "Default ServiceAccount is usable",
  severity: "low",
  theme: "pod-hardening",
  description:
    "Every pod that names no ServiceAccount runs as its namespace's 'default' account. If that account automounts its token, or " +
    "holds RBAC permissions, every such pod shares them. Reported on the default ServiceAccount when it does not set " +
    "automountServiceAccountToken=false or is bound by a RoleBinding/ClusterRoleBinding, and on each workload that runs as a default account that is bound.",
  remediation:
    "Set automountServiceAccountToken: false on each namespace's 'default' ServiceAccount, grant it no roles, and give each workload " +
    "its own ServiceAccount (spec.serviceAccountName) with only the permissions it needs.",
  references: [
    "https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts",
    "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/",
  ],
  refs: {
    kubescape: ["C-0189"],
    cis: ["5.1.5"],
    checkov: ["CKV_K8S_41"],
  },
  targets: ["ServiceAccount", "RoleBinding", "ClusterRoleBinding"],
  check: (ctx) => {
    const hits: Hit[] = [];
    const bindings = defaultSaBindings(ctx.snapshot);
    for (const sa of ctx.snapshot.byKind("ServiceAccount")) {
      if (sa.metadata?.name !== "default") continue;
      const ns = sa.metadata?.namespace ?? "default";
      if (sa.automountServiceAccountToken !== false) {
        hits.push({
          object: sa,
          path: "automountServiceAccountToken",
          ...(sa.automountServiceAccountToken !== undefined ? { value: sa.automountServiceAccountToken } : {}),
          message: `ServiceAccount 'default' in namespace '${ns}' does not set automountServiceAccountToken=false: pods that name no ServiceAccount get its token`,
        });
      }
      const bound = bindings.get(ns);
      if (bound?.length) {
        hits.push({ object: sa, path: "metadata.name", value: bound, message: `ServiceAccount 'default' in namespace '${ns}' is granted permissions by ${bound.join(", ")}` });
      }
    }
    if (!bindings.size) return hits;
    for (const obj of ctx.snapshot.objects) {
      const pod = podSpecOf(obj);
      if (!pod || hasPresentController(obj, ctx.snapshot.get)) continue;
      const ns = obj.metadata?.namespace ?? "default";
      const bound = bindings.get(ns);
      const sa = serviceAccountOf(pod);
      if (!bound || sa.name !== "default") continue;
      const how = sa.path ? `${sa.path}=default` : `${pod.path}.serviceAccountName unset`;
      hits.push({
        object: obj,
        path: sa.path ?? `${pod.path}.serviceAccountName`,
        message: `${describeObject(obj)} runs as the 'default' ServiceAccount of namespace '${ns}' (${how}), which ${bound.join(", ")} grants permissions to`,
      });
    }
    return hits;
  },
});
