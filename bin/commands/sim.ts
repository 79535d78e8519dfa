import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { DEMO_CLUSTER_DIR, startSimulator } from "../../lib/sim/index";

type SimFlags = { dir: string; port: string; kubeconfigOut?: string; context: string; forbid?: string; latency?: string; pageSize?: string; serverVersion?: string };

const int = (value: string | undefined, flag: string): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a non-negative integer, got "${value}"`);
  return n;
};

/** "secrets,clusterroles.rbac.authorization.k8s.io" -> forbidden rules (group after the first dot). */
const parseForbid = (list: string | undefined) =>
  (list ?? "").split(",").map((s) => s.trim()).filter(Boolean).map((item) => {
    const i = item.indexOf(".");
    return i < 0 ? { group: "", resource: item } : { group: item.slice(i + 1), resource: item.slice(0, i) };
  });

export const register = (program: Command) => {
  program
    .command("sim")
    .description("Serve a directory of manifests as a read-only Kubernetes API (HTTPS on 127.0.0.1) until interrupted")
    .option("--dir <dir>", "directory of manifests to serve", DEMO_CLUSTER_DIR)
    .option("--port <port>", "port (0 = any free port)", "0")
    .option("--kubeconfig-out <file>", "write a kubeconfig for the simulator here")
    .option("--context <name>", "context, cluster and user name in the kubeconfig", "tower-sim")
    .option("--forbid <resources>", "comma-separated resources to deny (resource or resource.group), e.g. secrets,clusterroles.rbac.authorization.k8s.io")
    .option("--latency <ms>", "delay every response by this many milliseconds")
    .option("--page-size <n>", "largest page the server returns, whatever the client's limit")
    .option("--server-version <v>", "version reported by /version, e.g. v1.28.4")
    .action(async (flags: SimFlags) => {
      const sim = await startSimulator({
        dir: path.resolve(flags.dir),
        port: int(flags.port, "--port"),
        contextName: flags.context,
        forbidden: parseForbid(flags.forbid),
        latencyMs: int(flags.latency, "--latency"),
        pageSizeMax: int(flags.pageSize, "--page-size"),
        serverVersion: flags.serverVersion,
      });
      if (flags.kubeconfigOut) fs.writeFileSync(flags.kubeconfigOut, sim.kubeconfig, { mode: 0o600 });
      process.stdout.write(`tower sim: serving ${sim.objectCount} objects from ${flags.dir} at ${sim.url}\n`);
      process.stdout.write(flags.kubeconfigOut
        ? `kubeconfig: ${flags.kubeconfigOut} (context "${flags.context}")\n  kubectl --kubeconfig ${flags.kubeconfigOut} get pods -A\n`
        : `no --kubeconfig-out given; bearer token: ${sim.token}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await sim.close();
      process.stdout.write("tower sim: stopped\n");
    });
};
