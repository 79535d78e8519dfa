/**
 * The API simulator for `npm run bench:collect`, in its own process so that the benchmark's own peak RSS and
 * CPU time are the worker's (collect + scan + persist), not the fake API server's. Generates a deterministic
 * cluster with scripts/bench/generate.ts, serves it over TLS with pageSizeMax, and talks to the parent over IPC:
 * it sends { ready, kubeconfig, objectCount, generateMs } once listening, answers "stats" with its CPU time and
 * peak RSS, and closes on "close".
 */
import { startSimulator } from "../../../lib/sim";
import type { K8sObject } from "../../../lib/scanner/types";
import { generateCluster } from "../generate";

const [objects = "20000", seed = "7", pageSizeMax = "500"] = process.argv.slice(2);

const main = async () => {
  const t = performance.now();
  const cluster = generateCluster(Number(objects), Number(seed));
  const list = [...cluster.values()].flat() as unknown as K8sObject[];
  const generateMs = performance.now() - t;
  const sim = await startSimulator({ objects: list, pageSizeMax: Number(pageSizeMax) });
  const send = (m: unknown) => process.send?.(m);
  process.on("message", async (m: { type: string }) => {
    if (m.type === "stats") {
      const u = process.cpuUsage();
      send({ type: "stats", cpuMs: (u.user + u.system) / 1000, maxRssKiB: process.resourceUsage().maxRSS, requests: sim.requests.length });
    } else if (m.type === "close") {
      await sim.close();
      process.exit(0);
    }
  });
  process.on("disconnect", () => process.exit(0));
  send({ type: "ready", kubeconfig: sim.kubeconfig, objectCount: sim.objectCount, generateMs });
};

main().catch((err) => {
  process.stderr.write(`sim-server: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
