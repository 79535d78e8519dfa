import type { Snapshot } from "../../../snapshot";
import { isRecord } from "./pod-meta";

/** Namespace -> bindings (e.g. "RoleBinding 'ci'") that grant permissions to that namespace's 'default' ServiceAccount. */
export const defaultSaBindings = (snapshot: Snapshot): Map<string, string[]> =>
  snapshot.memo("pod-practice:default-sa-bindings", () => {
    const out = new Map<string, string[]>();
    for (const kind of ["RoleBinding", "ClusterRoleBinding"] as const) {
      for (const b of snapshot.byKind(kind)) {
        const subjects = Array.isArray(b.subjects) ? b.subjects : [];
        for (const s of subjects) {
          if (!isRecord(s) || s.kind !== "ServiceAccount" || s.name !== "default") continue;
          const ns = typeof s.namespace === "string" && s.namespace ? s.namespace : kind === "RoleBinding" ? b.metadata?.namespace : undefined;
          if (!ns) continue;
          const label = `${kind} '${b.metadata?.name ?? "?"}'`;
          out.set(ns, [...(out.get(ns) ?? []), label]);
        }
      }
    }
    return out;
  });
