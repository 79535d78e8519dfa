import "./node-compat";
import { KubeConfig } from "@kubernetes/client-node";
import { stringify } from "yaml";
import { ClusterAccessError } from "./k8s-errors";
import { loadKubeConfig } from "./load-kubeconfig";

export type TContextSummary = { name: string; cluster: string; server: string; user: string; auth: "token" | "client-certificate" | "basic" | "exec" | "auth-provider" | "none"; usable: boolean; problem?: string };

const MAX_KUBECONFIG_BYTES = 256 * 1024;

const authOf = (user: Record<string, unknown> | null | undefined): TContextSummary["auth"] => {
  if (!user) return "none";
  if (user.exec) return "exec";
  if (user.authProvider) return "auth-provider";
  if (user.token || user.authFile) return "token";
  if (user.certData || user.certFile) return "client-certificate";
  if (user.username) return "basic";
  return "none";
};

/** The contexts of an uploaded kubeconfig, each with whether Tower can use it (exec plugins are refused). */
export const listKubeconfigContexts = (text: string): TContextSummary[] => {
  if (text.length > MAX_KUBECONFIG_BYTES) throw new ClusterAccessError("config", `the kubeconfig is ${text.length} bytes; the limit is ${MAX_KUBECONFIG_BYTES}`);
  const kc = new KubeConfig();
  try {
    kc.loadFromString(text);
  } catch (err) {
    throw new ClusterAccessError("config", `the kubeconfig cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  return kc.getContexts().map((ctx) => {
    const cluster = kc.getCluster(ctx.cluster);
    const user = kc.getUser(ctx.user) as unknown as Record<string, unknown> | null;
    let problem: string | undefined;
    try {
      loadKubeConfig({ kubeconfig: text, context: ctx.name, allowLocalFiles: false });
    } catch (err) {
      problem = err instanceof Error ? err.message : String(err);
    }
    return { name: ctx.name, cluster: ctx.cluster, server: cluster?.server ?? "", user: ctx.user, auth: authOf(user), usable: !problem, problem };
  });
};

/** A kubeconfig with only `context` in it (its cluster and user inlined): what Tower stores, encrypted. */
export const extractContext = (text: string, context: string): { kubeconfig: string; server: string } => {
  const kc = loadKubeConfig({ kubeconfig: text, context, allowLocalFiles: false });
  const ctx = kc.getContextObject(context)!;
  const cluster = kc.getCluster(ctx.cluster)!;
  const user = kc.getUser(ctx.user);
  const doc = {
    apiVersion: "v1",
    kind: "Config",
    "current-context": ctx.name,
    clusters: [{ name: cluster.name, cluster: { server: cluster.server, ...(cluster.caData ? { "certificate-authority-data": cluster.caData } : {}), ...(cluster.skipTLSVerify ? { "insecure-skip-tls-verify": true } : {}), ...(cluster.tlsServerName ? { "tls-server-name": cluster.tlsServerName } : {}) } }],
    users: [{ name: ctx.user, user: { ...(user?.token ? { token: user.token } : {}), ...(user?.certData ? { "client-certificate-data": user.certData } : {}), ...(user?.keyData ? { "client-key-data": user.keyData } : {}), ...(user?.username ? { username: user.username, password: user.password } : {}) } }],
    contexts: [{ name: ctx.name, context: { cluster: cluster.name, user: ctx.user, ...(ctx.namespace ? { namespace: ctx.namespace } : {}) } }],
  };
  return { kubeconfig: stringify(doc), server: cluster.server };
};

/** A kubeconfig built from the three things the read-only manifest gives: server URL, CA and token. */
export const kubeconfigFromToken = (input: { server: string; caData?: string; token: string; name: string }) =>
  stringify({
    apiVersion: "v1",
    kind: "Config",
    "current-context": input.name,
    clusters: [{ name: input.name, cluster: { server: input.server, ...(input.caData ? { "certificate-authority-data": input.caData } : {}) } }],
    users: [{ name: "tower-reader", user: { token: input.token } }],
    contexts: [{ name: input.name, context: { cluster: input.name, user: "tower-reader" } }],
  });
