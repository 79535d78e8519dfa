import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIX = path.join(ROOT, "lib/audit/detections");
const tower = (args: string[], input?: string) =>
  spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "bin/tower.ts"), ...args], { cwd: ROOT, input, encoding: "utf8" });

const privileged = path.join(FIX, "privilege-escalation/__fixtures__/privileged-container/fire/second-container-privileged.jsonl");
const quiet = path.join(FIX, "privilege-escalation/__fixtures__/privileged-container/pass/unprivileged-and-denied.jsonl");

describe("tower audit analyze", () => {
  it("prints exactly one JSON document in the contract's shape", () => {
    const r = tower(["audit", "analyze", privileged, "--format", "json"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.stats).toEqual({ events: 1, rejected: 0 });
    const d = doc.detections.find((x: { detectionId: string }) => x.detectionId === "TWD-0027");
    expect(d).toMatchObject({ title: expect.any(String), severity: "high", principal: "alice@example.com", auditIDs: [expect.any(String)], refs: { mitre: ["T1611", "T1610"], ms: ["MS-TA9018"], falco: ["Create Privileged Pod"] } });
    expect(d.firstSeen).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(d.lastSeen).toMatch(/Z$/);
  });

  it("--fail-on exits 1 at or above the severity, 0 below", () => {
    expect(tower(["audit", "analyze", privileged, "--format", "json", "--fail-on", "high"]).status).toBe(1);
    expect(tower(["audit", "analyze", privileged, "--format", "json", "--fail-on", "critical"]).status).toBe(0);
    expect(tower(["audit", "analyze", quiet, "--format", "json", "--fail-on", "info"]).status).toBe(0);
  });

  it("reads stdin and gzip; counts rejected records without stopping", () => {
    const text = `${fs.readFileSync(privileged, "utf8")}{"kind": 0}\nnot json\n`;
    const r = tower(["audit", "analyze", "-", "--format", "json"], text);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).stats).toEqual({ events: 1, rejected: 2 });
    const gz = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tower-audit-")), "day.jsonl.gz");
    fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(privileged)));
    expect(JSON.parse(tower(["audit", "analyze", gz, "--format", "json"]).stdout).stats.events).toBe(1);
  });

  it("exits 2 with a one-line error naming an unreadable file", () => {
    const r = tower(["audit", "analyze", privileged, "/nonexistent/audit.log", "--format", "json"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("/nonexistent/audit.log");
  });

  it("exits 2 on bad usage", () => {
    expect(tower(["audit", "analyze", privileged, "--fail-on", "severe"]).status).toBe(2);
    expect(tower(["audit", "analyze", privileged, "--warmup", "soon"]).status).toBe(2);
  });

  it("renders a table and honours --warmup", () => {
    const r = tower(["audit", "analyze", privileged, "--format", "table", "--warmup", "0"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("TWD-0027");
    expect(r.stdout).toMatch(/detection\(s\) in 1 event\(s\); 0 rejected/);
  });
});
