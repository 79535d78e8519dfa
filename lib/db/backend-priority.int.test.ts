import fs from "node:fs";
import os from "node:os";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { isLocalDatabase, lowerBackendPriority } from "./backend-priority";

const url = () => process.env.DATABASE_URL!;
const pools: pg.Pool[] = [];
const poolFor = (connectionString: string) => {
  const pool = new pg.Pool({ connectionString, max: 1 });
  pools.push(pool);
  return pool;
};
const backendPid = async (pool: pg.Pool) => (await pool.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0].pid;
const autogroupNice = (pid: number) => Number(/nice (-?\d+)/.exec(fs.readFileSync(`/proc/${pid}/autogroup`, "utf8"))?.[1]);

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
});

describe("lowerBackendPriority", () => {
  it("lowers the CPU priority of each new connection's server process, and of its scheduling group", async () => {
    const pool = poolFor(url());
    const errors: string[] = [];
    expect(lowerBackendPriority(pool, url(), 9, (m) => errors.push(m))).toBe(true);
    const pid = await backendPid(pool);
    expect(errors).toEqual([]);
    expect(os.getPriority(pid)).toBe(9);
    if (fs.existsSync(`/proc/${pid}/autogroup`)) expect(autogroupNice(pid)).toBe(9);
  });

  it("leaves connections alone without the hook", async () => {
    const pid = await backendPid(poolFor(url()));
    expect(os.getPriority(pid)).toBe(0);
  });

  it("does nothing for a database on another host, where a backend's process id names no process here", () => {
    expect(isLocalDatabase("postgresql://tower:x@db.internal:5432/tower")).toBe(false);
    expect(isLocalDatabase("postgresql://tower:x@127.0.0.1:5432/tower")).toBe(true);
    expect(isLocalDatabase("not a url")).toBe(false);
    expect(lowerBackendPriority(poolFor(url()), "postgresql://tower:x@db.internal:5432/tower", 9, () => {})).toBe(false);
  });
});
