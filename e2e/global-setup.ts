import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { E2E_ADMIN } from "./helpers";

const ROOT = path.resolve(import.meta.dirname, "..");
export const PID_FILE = path.join(ROOT, "test-results", "e2e-launcher.pid");

/** Starts Tower exactly as `npm start` does, on a fresh embedded database, and waits until it answers. */
export default async function globalSetup() {
  const port = Number(process.env.TOWER_E2E_PORT ?? 3210);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "tower-e2e-"));
  fs.chmodSync(home, 0o755);
  fs.mkdirSync(path.dirname(PID_FILE), { recursive: true });
  const log = fs.openSync(path.join(ROOT, "test-results", "e2e-server.log"), "w");
  const proc = spawn(process.execPath, ["--conditions", "react-server", "--import", "tsx", "bin/start.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: "",
      PORT: String(port),
      TOWER_HOME: path.join(home, "tower"),
      TOWER_PG_PORT: String(port + 40000),
      TOWER_ADMIN_EMAIL: E2E_ADMIN.email,
      TOWER_ADMIN_PASSWORD: E2E_ADMIN.password,
      TOWER_ORG_NAME: "E2E Corp",
    },
    stdio: ["ignore", log, log],
    detached: false,
  });
  fs.writeFileSync(PID_FILE, String(proc.pid));
  const until = Date.now() + 8 * 60_000;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`Tower exited during start-up; see test-results/e2e-server.log`);
    const ready = await fetch(`http://127.0.0.1:${port}/api/ready`).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("Tower did not become ready in time; see test-results/e2e-server.log");
}
