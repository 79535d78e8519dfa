import { describe, expect, it } from "vitest";
import { analyzeEvents } from "./analyze";
import { DETECTIONS } from "./detections";
import { createEngineState, runDetections, type EngineState } from "./engine";
import { groupIncidents } from "./incidents";
import { normalizeRecords } from "./normalize";
import type { AuditEvent } from "./types";

const at = (min: number) => new Date(Date.UTC(2024, 4, 1, 10, min)).toISOString();
const raw = (min: number, over: Record<string, unknown> = {}) => ({
  auditID: `a${min}-${Math.random().toString(36).slice(2, 7)}`,
  stage: "ResponseComplete",
  verb: "list",
  requestURI: "/api/v1/namespaces/shop/pods",
  objectRef: { resource: "pods", namespace: "shop" },
  user: { username: "alice" },
  sourceIPs: ["198.51.100.7"],
  userAgent: "kubectl/v1.30.0",
  responseStatus: { code: 200 },
  annotations: { "authorization.k8s.io/decision": "allow" },
  requestReceivedTimestamp: at(min),
  ...over,
});
const events = (list: Record<string, unknown>[]): AuditEvent[] => normalizeRecords(list).events;

const day = events([
  ...[0, 1, 2, 3].map((m) => raw(m)),
  raw(30, { verb: "create", stage: "ResponseStarted", objectRef: { resource: "pods", subresource: "exec", namespace: "shop", name: "web" }, requestURI: "/api/v1/namespaces/shop/pods/web/exec?command=sh", responseStatus: { code: 101 } }),
  raw(31, { verb: "get", objectRef: { resource: "secrets", namespace: "kube-system", name: "x" }, requestURI: "/api/v1/namespaces/kube-system/secrets/x", sourceIPs: ["45.33.12.9"], userAgent: "curl/8.5.0" }),
]);

describe("analyzeEvents", () => {
  it("learns first-seen baselines from the data itself, after the warm-up", () => {
    const ids = analyzeEvents(day).detections.map((d) => d.detectionId);
    expect(ids).toEqual(expect.arrayContaining(["TWD-0020", "TWD-0004", "TWD-0006", "TWD-0013", "TWD-0016"]));
    const longWarmup = analyzeEvents(day, { warmupMs: 3_600_000 }).detections.map((d) => d.detectionId);
    expect(longWarmup).not.toContain("TWD-0004");
    expect(longWarmup).not.toContain("TWD-0013");
  });

  it("sorts by time, so shuffled input gives the same result", () => {
    const a = analyzeEvents(day).detections.map((d) => `${d.detectionId}:${d.auditIDs.join(",")}`).sort();
    const b = analyzeEvents([...day].reverse()).detections.map((d) => `${d.detectionId}:${d.auditIDs.join(",")}`).sort();
    expect(b).toEqual(a);
  });

  it("engine state is plain JSON: split runs with a serialised state equal one run", () => {
    const whole = runDetections({ detections: DETECTIONS, events: day }).detections.map((d) => d.detectionId);
    const first = runDetections({ detections: DETECTIONS, events: day.slice(0, 3) });
    const restored = JSON.parse(JSON.stringify(first.state)) as EngineState;
    const second = runDetections({ detections: DETECTIONS, events: day.slice(3), state: restored });
    expect([...first.detections, ...second.detections].map((d) => d.detectionId)).toEqual(whole);
    expect(JSON.parse(JSON.stringify(second.state))).toEqual(second.state);
    expect(Object.keys(createEngineState(DETECTIONS).detections).length).toBe(DETECTIONS.filter((d) => d.kind === "stateful").length);
  });

  it("fills missing times from the previous event and emits RFC3339", () => {
    const r = analyzeEvents(events([raw(0), raw(1, { requestReceivedTimestamp: undefined, verb: "delete", objectRef: { resource: "events", namespace: "shop", name: "e" }, requestURI: "/api/v1/namespaces/shop/events/e" })]));
    const d = r.detections.find((x) => x.detectionId === "TWD-0042");
    expect(d?.firstSeen).toBe(at(0));
  });
});

describe("groupIncidents", () => {
  it("groups by principal and time, rolls severity up", () => {
    const det = analyzeEvents(day).detections;
    const incidents = groupIncidents(det);
    const alice = incidents.filter((i) => i.principal === "alice");
    expect(alice).toHaveLength(1);
    expect(alice[0].detectionIds.length).toBeGreaterThan(3);
    expect(alice[0].tactics.length).toBeGreaterThanOrEqual(3);
    expect(alice[0].severity).toBe("critical");
    const split = groupIncidents(det, { gapMs: 0 });
    expect(split.filter((i) => i.principal === "alice").length).toBeGreaterThan(1);
    expect(groupIncidents([])).toEqual([]);
  });
});
