import "./node-compat";
import { KubeConfig } from "@kubernetes/client-node";
import { ClusterAccessError } from "./k8s-errors";

export type KubeconfigSource = {
  kubeconfigPath?: string;
  /** YAML text of a kubeconfig. */
  kubeconfig?: string;
  context?: string;
  /** Commands (exec plugins) or auth-provider names the kubeconfig may run; anything else is refused. */
  allowExec?: string[];
  /** Whether credential files named by the kubeconfig may be read. Default: only for a kubeconfig read from a path. */
  allowLocalFiles?: boolean;
};

const configError = (message: string) => new ClusterAccessError("config", message);

/**
 * Loads a kubeconfig and selects its context. Users with `exec` or `auth-provider` run code or call
 * out on this machine, so they are refused unless `allowExec` names the command or provider.
 */
export const loadKubeConfig = (src: KubeconfigSource): KubeConfig => {
  const kc = new KubeConfig();
  try {
    if (src.kubeconfig !== undefined) kc.loadFromString(src.kubeconfig);
    else if (src.kubeconfigPath) kc.loadFromFile(src.kubeconfigPath);
    else throw configError("no kubeconfig given (kubeconfigPath or kubeconfig)");
  } catch (err) {
    if (err instanceof ClusterAccessError) throw err;
    throw configError(`the kubeconfig cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (src.context) {
    if (!kc.getContextObject(src.context)) throw configError(`the kubeconfig has no context "${src.context}" (it has: ${kc.getContexts().map((c) => c.name).join(", ") || "none"})`);
    kc.setCurrentContext(src.context);
  }
  const context = kc.getContextObject(kc.getCurrentContext());
  if (!context) throw configError("the kubeconfig has no current context; pass one with --context");
  const cluster = kc.getCurrentCluster();
  if (!cluster?.server) throw configError(`context "${context.name}" has no cluster with a server address`);
  const user = kc.getCurrentUser();
  const allowed = new Set(src.allowExec ?? []);
  if (user?.exec) {
    const command = String((user.exec as { command?: unknown }).command ?? "");
    if (!allowed.has(command)) {
      throw configError(`user "${user.name}" authenticates by running "${command}" (exec plugin); refused because it would execute code on this machine. Use a token or client certificate, or allow the command explicitly`);
    }
  }
  if (user?.authProvider) {
    const name = String((user.authProvider as { name?: unknown }).name ?? "");
    const cmd = (user.authProvider as { config?: Record<string, unknown> }).config?.["cmd-path"];
    if (!allowed.has(name) && !(typeof cmd === "string" && allowed.has(cmd))) {
      throw configError(`user "${user.name}" uses the "${name}" auth-provider; refused because it may run commands or contact third parties. Use a token or client certificate, or allow it explicitly`);
    }
  }
  const allowFiles = src.allowLocalFiles ?? (src.kubeconfig === undefined && !!src.kubeconfigPath);
  if (!allowFiles) {
    const files = [cluster.caFile, user?.certFile, user?.keyFile, (user as { authFile?: string } | null)?.authFile].filter(Boolean);
    if (files.length) throw configError("the kubeconfig refers to files on this machine (certificate-authority, client-certificate, client-key); inline them as *-data fields");
  }
  return kc;
};
