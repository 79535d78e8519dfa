import { spawn, type ChildProcess } from "node:child_process";

export type Child = { name: string; proc: ChildProcess; exited: Promise<number> };

/** Runs a command to completion; `quiet` keeps its output unless it fails. Rejects with its exit code. */
export const runToEnd = (cmd: string, args: string[], env: NodeJS.ProcessEnv, label: string, opts: { quiet?: boolean } = {}) =>
  new Promise<void>((resolve, reject) => {
    const p = spawn(cmd, args, { env, stdio: opts.quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    p.stdout?.on("data", (c: Buffer) => (output += c.toString()));
    p.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    p.on("exit", (code) => {
      if (code === 0) return resolve();
      if (opts.quiet) process.stderr.write(output);
      reject(new Error(`${label} failed (exit code ${code})`));
    });
    p.on("error", reject);
  });

/**
 * `ownSession`: the child leads a session of its own, so that Linux schedules it as a group of its own
 * (autogroup) whose priority it can lower without lowering the launcher's other children.
 */
export const startChild = (name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, opts: { ownSession?: boolean } = {}): Child => {
  const proc = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: opts.ownSession ?? false });
  const prefix = (line: string) => `[${name}] ${line}`;
  const pipe = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    let buf = "";
    stream?.on("data", (chunk: Buffer) => {
      buf += chunk.toString();
      const lines = buf.split("\n");
      buf = lines.pop() ?? "";
      for (const l of lines) out.write(prefix(l) + "\n");
    });
  };
  pipe(proc.stdout, process.stdout);
  pipe(proc.stderr, process.stderr);
  const exited = new Promise<number>((resolve) => proc.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  return { name, proc, exited };
};

/** SIGTERM, then SIGKILL after a grace period: no child outlives the launcher. */
export const stopChild = async (child: Child, graceMs = 10_000) => {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill("SIGTERM");
  const timer = setTimeout(() => child.proc.kill("SIGKILL"), graceMs);
  await child.exited;
  clearTimeout(timer);
};
