import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isPortFree } from "@/lib/launcher/ports";

const ROOT = path.resolve(import.meta.dirname, "..");

const freePort = async (from: number) => {
  for (let p = from + Math.floor(Math.random() * 300); ; p += 3) if (await isPortFree(p, "127.0.0.1") && (await isPortFree(p))) return p;
};

/** Runs the launcher exactly as `npm start` does, collecting its output. */
const launch = (env: Record<string, string>) => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "tower-home-"));
  fs.chmodSync(home, 0o755);
  const proc = spawn(process.execPath, ["--conditions", "react-server", "--import", "tsx", "bin/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "", TOWER_HOME: path.join(home, "t"), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  proc.stdout.on("data", (c) => (output += c));
  proc.stderr.on("data", (c) => (output += c));
  const exited = new Promise<number>((r) => proc.on("exit", (code) => r(code ?? -1)));
  const waitFor = async (re: RegExp, ms: number) => {
    const until = Date.now() + ms;
    while (!re.test(output) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    if (!re.test(output)) throw new Error(`timed out waiting for ${re}; output:\n${output}`);
  };
  return { proc, exited, waitFor, home: path.join(home, "t"), output: () => output };
};

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm start's launcher", () => {
  it("stops its embedded PostgreSQL and workers on SIGTERM, leaving no process behind", async () => {
    const pgPort = await freePort(56000);
    const l = launch({ TOWER_WEB: "0", TOWER_PG_PORT: String(pgPort) });
    await l.waitFor(/workers are running/, 90_000);
    const pgPid = Number(fs.readFileSync(path.join(l.home, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    expect(alive(pgPid)).toBe(true);
    l.proc.kill("SIGTERM");
    expect(await l.exited).toBe(0);
    expect(l.output()).toMatch(/embedded PostgreSQL stopped/);
    expect(alive(pgPid)).toBe(false);
    expect(fs.existsSync(path.join(l.home, "postgres", "postmaster.pid"))).toBe(false);
    expect(await isPortFree(pgPort, "127.0.0.1")).toBe(true);
  });

  it("runs workers at a lower CPU priority in a session of their own, and they stop when the launcher is gone", async () => {
    const l = launch({ TOWER_WEB: "0", TOWER_PG_PORT: String(await freePort(56000)), TOWER_WORKER_NICE: "12" });
    await l.waitFor(/\[worker\].*ready/, 90_000);
    const pgPid = Number(fs.readFileSync(path.join(l.home, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    const children = fs.readdirSync(`/proc/${l.proc.pid}/task`).flatMap((t) => fs.readFileSync(`/proc/${l.proc.pid}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
    const worker = children.find((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("workers/main.ts"))!;
    const stat = fs.readFileSync(`/proc/${worker}/stat`, "utf8").split(") ")[1].split(" ");
    expect({ session: Number(stat[3]), nice: Number(stat[16]) }).toEqual({ session: worker, nice: 12 });
    expect(fs.readFileSync(`/proc/${worker}/autogroup`, "utf8")).toMatch(/nice 12/);
    l.proc.kill("SIGKILL");
    const until = Date.now() + 15_000;
    while (alive(worker) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    try {
      expect(alive(worker)).toBe(false);
    } finally {
      process.kill(pgPid, "SIGTERM");
    }
  });

  it("exits non-zero with a clear message when DATABASE_URL cannot be reached", async () => {
    const deadPort = await freePort(57000);
    const l = launch({ DATABASE_URL: `postgresql://tower:secret-pw@127.0.0.1:${deadPort}/tower`, TOWER_WEB: "0" });
    expect(await l.exited).toBe(1);
    expect(l.output()).toMatch(/cannot reach the database at postgresql:\/\/tower:\*\*\*\*@127\.0\.0\.1/);
    expect(l.output()).not.toContain("secret-pw");
  });

  it("exits non-zero with a clear message when the web port is in use", async () => {
    const port = await freePort(58000);
    const blocker = net.createServer().listen(port, "0.0.0.0");
    await new Promise((r) => blocker.once("listening", r));
    try {
      const l = launch({ PORT: String(port), TOWER_PG_PORT: String(await freePort(59000)) });
      expect(await l.exited).toBe(1);
      expect(l.output()).toMatch(new RegExp(`port ${port} is already in use`));
    } finally {
      blocker.close();
    }
  });
});
