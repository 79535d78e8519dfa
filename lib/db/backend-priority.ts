import "server-only";
import fs from "node:fs";
import os from "node:os";
import type pg from "pg";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** True when the database of this URL runs on this machine (where its backends' process ids mean something). */
export const isLocalDatabase = (url: string) => {
  try {
    return LOOPBACK.has(new URL(url).hostname);
  } catch {
    return false;
  }
};

/**
 * Whether `pid` is this connection's backend on this machine: a process named postgres whose title names our
 * user and database ("postgres: tower tower 127.0.0.1(51234) ..."). A database in a container or another
 * host would have other process ids; then nothing is changed.
 */
const isOurBackend = (pid: number, url: URL) => {
  try {
    const title = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\u0000", " ");
    return title.startsWith(`postgres: ${decodeURIComponent(url.username)} ${url.pathname.slice(1)} `);
  } catch {
    return false;
  }
};

/**
 * Background work yields the CPU in PostgreSQL too: each new connection of `pool` gets its server process
 * (backend) lowered to `nice`, when the database runs on this machine. Without it the detection worker's
 * queries compete as equals with the webhook's writes and the web server. Raising one's own processes' nice
 * value needs no privilege; where it is refused, the connection keeps its priority.
 */
export const lowerBackendPriority = (pool: pg.Pool, connectionString: string, nice: number, onError: (message: string) => void) => {
  if (!isLocalDatabase(connectionString) || !fs.existsSync("/proc/self")) return false;
  const url = new URL(connectionString);
  let reported = false;
  pool.on("connect", (client) => {
    client.query<{ pid: number }>("select pg_backend_pid() as pid").then(
      ({ rows: [{ pid }] }) => {
        if (!isOurBackend(pid, url)) return;
        try {
          os.setPriority(pid, nice);
          // Each backend is a session (and so a scheduling group) of its own: its nice value alone weighs
          // nothing against other sessions, its group's does.
          if (fs.existsSync(`/proc/${pid}/autogroup`)) fs.writeFileSync(`/proc/${pid}/autogroup`, String(nice));
        } catch (err) {
          if (!reported) onError(`cannot lower the priority of database connections: ${err instanceof Error ? err.message : err}`);
          reported = true;
        }
      },
      () => {},
    );
  });
  return true;
};
