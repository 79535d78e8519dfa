/** CPU accounting from /proc (Linux): this process, the embedded PostgreSQL (postmaster + backends), the machine. */
import fs from "node:fs";
import path from "node:path";

const TICK_MS = 10; // USER_HZ is 100 on Linux

const statTicks = (pid: number, withChildren: boolean): number => {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
    // fields after ")" start at #3 (state): utime=#14, stime=#15, cutime=#16, cstime=#17
    const [ut, st, cut, cst] = [f[11], f[12], f[13], f[14]].map(Number);
    return ut + st + (withChildren ? cut + cst : 0);
  } catch {
    return 0;
  }
};

const childrenOf = (pid: number): number[] => {
  try {
    return fs.readdirSync(`/proc/${pid}/task`).flatMap((t) => fs.readFileSync(`/proc/${pid}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
};

/** CPU ms used so far by PostgreSQL: the postmaster with its reaped children, plus every live backend. */
export const postgresCpuMs = (dataDir: string): number => {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return 0;
  }
  return (statTicks(pid, true) + childrenOf(pid).reduce((s, c) => s + statTicks(c, false), 0)) * TICK_MS;
};

/** Busy and total CPU ms of the whole machine (all cores) so far. */
export const machineCpu = () => {
  const [, ...v] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const n = v.map(Number);
  const idle = n[3] + (n[4] ?? 0);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busyMs: (total - idle) * TICK_MS, totalMs: total * TICK_MS };
};

export const selfCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU ms used so far by a process and its live descendants (e.g. `next start` and its render workers). */
export const processTreeCpuMs = (pid: number): number => {
  const walk = (p: number): number => statTicks(p, true) + childrenOf(p).reduce((s, c) => s + walk(c), 0);
  return walk(pid) * TICK_MS;
};
