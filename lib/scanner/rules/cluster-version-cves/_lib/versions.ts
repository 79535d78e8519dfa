import { parseKubeVersion, type KubeVersion } from "../../../data/kubernetes-releases";
import type { ScanContext } from "../../../define-rule";
import type { K8sObject } from "../../../types";

/** A version observed in the cluster, with the object it is reported on. */
export type ObservedVersion = { version: KubeVersion; role: "control-plane" | "kubelet"; object: K8sObject; path: string; label: string; os?: string };

const CLUSTER_OBJECT: K8sObject = { apiVersion: "tower.dev/v1", kind: "Cluster", metadata: { name: "control-plane" } };

const nodeInfo = (node: K8sObject): Record<string, unknown> => {
  const status = node.status as { nodeInfo?: Record<string, unknown> } | undefined;
  return status?.nodeInfo ?? {};
};

/**
 * Versions the snapshot shows: the API server's (ctx.facts.serverVersion) and each Node's kubelet (Node objects,
 * else ctx.facts.nodes). Computed once per scan.
 */
export const observedVersions = (ctx: ScanContext): ObservedVersion[] =>
  ctx.snapshot.memo("cluster:versions", () => {
    const out: ObservedVersion[] = [];
    const sv = ctx.facts.serverVersion;
    const server = parseKubeVersion(sv?.gitVersion) ?? (sv?.major && typeof sv.minor === "string" ? parseKubeVersion(`${sv.major}.${sv.minor.replace(/\D+$/, "")}`) : undefined);
    if (server) out.push({ version: server, role: "control-plane", object: CLUSTER_OBJECT, path: "serverVersion.gitVersion", label: "The API server" });
    const nodes = ctx.snapshot.byKind("Node");
    for (const node of nodes) {
      const info = nodeInfo(node);
      const v = parseKubeVersion(typeof info.kubeletVersion === "string" ? info.kubeletVersion : undefined);
      if (v) out.push({ version: v, role: "kubelet", object: node, path: "status.nodeInfo.kubeletVersion", label: `The kubelet of Node '${String(node.metadata?.name ?? "?")}'`, os: typeof info.operatingSystem === "string" ? info.operatingSystem : undefined });
    }
    if (!nodes.length)
      for (const n of ctx.facts.nodes ?? []) {
        const v = parseKubeVersion(n.kubeletVersion);
        if (v) out.push({ version: v, role: "kubelet", object: { apiVersion: "v1", kind: "Node", metadata: { name: n.name } }, path: "status.nodeInfo.kubeletVersion", label: `The kubelet of Node '${n.name}'`, os: /windows/i.test(n.osImage ?? "") ? "windows" : undefined });
      }
    return out;
  });
