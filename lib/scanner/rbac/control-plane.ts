import type { Container } from "../pod-spec";
import type { Snapshot } from "../snapshot";
import type { K8sObject } from "../types";

/** A component's command-line flags as written in a static pod, with the path of each token. */
export type ComponentFlags = {
  obj: K8sObject;
  container: Container;
  containerPath: string;
  flags: Map<string, { value: string; path: string }>;
};

const basename = (s: string) => s.slice(s.lastIndexOf("/") + 1);

/** Parses "--name=value" and "--name value" tokens from command then args (later tokens win, as in pflag). */
export const parseFlags = (container: Container, containerPath: string): ComponentFlags["flags"] => {
  const flags: ComponentFlags["flags"] = new Map();
  for (const field of ["command", "args"] as const) {
    const tokens = Array.isArray(container[field]) ? container[field] : [];
    tokens.forEach((raw, i) => {
      if (typeof raw !== "string" || !raw.startsWith("--")) return;
      const eq = raw.indexOf("=");
      const path = `${containerPath}.${field}[${i}]`;
      if (eq > 0) flags.set(raw.slice(2, eq), { value: raw.slice(eq + 1), path });
      else {
        const next = tokens[i + 1];
        const value = typeof next === "string" && !next.startsWith("--") ? next : "true";
        flags.set(raw.slice(2), { value, path });
      }
    });
  }
  return flags;
};

const runs = (c: Container, binary: string): boolean => {
  const first = [...(Array.isArray(c.command) ? c.command : []), ...(Array.isArray(c.args) ? c.args : [])].find((t) => typeof t === "string" && !t.startsWith("-"));
  return (typeof first === "string" && basename(first) === binary) || c.name === binary;
};

/**
 * The static pods of a control-plane component in kube-system (kubeadm, RKE2, kops...), found by what
 * their container runs. Managed clusters (EKS, GKE, AKS) have none: rules reading them then say nothing.
 */
export const componentPods = (snapshot: Snapshot, binary: "kube-apiserver" | "kubelet"): ComponentFlags[] =>
  snapshot.memo(`control-plane:${binary}`, () => {
    const out: ComponentFlags[] = [];
    for (const obj of snapshot.byKind("Pod")) {
      if (obj.metadata?.namespace !== "kube-system") continue;
      const spec = obj.spec as { containers?: unknown } | undefined;
      const containers = Array.isArray(spec?.containers) ? (spec.containers as Container[]) : [];
      containers.forEach((container, i) => {
        if (!container || typeof container !== "object" || !runs(container, binary)) return;
        const containerPath = `spec.containers[${i}]`;
        out.push({ obj, container, containerPath, flags: parseFlags(container, containerPath) });
      });
    }
    return out;
  });

/** Where a finding about a missing flag points: the container's command (or args when it has no command). */
export const flagsPath = (c: ComponentFlags): string => `${c.containerPath}.${Array.isArray(c.container.command) ? "command" : "args"}`;
