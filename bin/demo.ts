// `npm run demo`: Tower with a simulated Kubernetes cluster (lib/sim/demo-cluster, about 460 objects of a
// web shop, a data team, ingress-nginx, Istio, an operator and monitoring) onboarded and scanned.
// Demo data lives in its own folder (.tower/demo) and is labelled as such in the UI.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DEMO_CLUSTER_DIR, startSimulator } from "@/lib/sim";

const ROOT = path.resolve(import.meta.dirname, "..");
const home = path.resolve(process.env.TOWER_HOME ?? path.join(ROOT, ".tower", "demo"));
fs.mkdirSync(home, { recursive: true, mode: 0o711 });
fs.chmodSync(path.dirname(home), 0o711);

const main = async () => {
  const sim = await startSimulator({ dir: DEMO_CLUSTER_DIR, port: Number(process.env.TOWER_DEMO_SIM_PORT ?? 16443) });
  const kubeconfigPath = path.join(home, "demo-kubeconfig.yaml");
  fs.writeFileSync(kubeconfigPath, sim.kubeconfig, { mode: 0o600 });
  process.stdout.write(`[demo] simulated cluster at ${sim.url} (${sim.objectCount} objects); kubeconfig: ${kubeconfigPath}\n`);
  const email = process.env.TOWER_ADMIN_EMAIL ?? "demo@tower.local";
  const password = process.env.TOWER_ADMIN_PASSWORD ?? "tower-demo-password";
  const child = spawn(process.execPath, ["--conditions", "react-server", "--import", "tsx", path.join(ROOT, "bin/start.ts")], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, TOWER_HOME: home, TOWER_PG_PORT: process.env.TOWER_PG_PORT ?? "54339", TOWER_ADMIN_EMAIL: email, TOWER_ADMIN_PASSWORD: password, TOWER_ORG_NAME: "Demo Corp", TOWER_DEMO_KUBECONFIG: kubeconfigPath },
  });
  process.stdout.write(`[demo] sign in as ${email} / ${password}\n`);
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  child.on("exit", async (code) => {
    await sim.close();
    process.exit(code ?? 0);
  });
};

main().catch((err) => {
  process.stderr.write(`[demo] failed: ${err instanceof Error ? err.message : err}\n`);
  process.exit(1);
});
