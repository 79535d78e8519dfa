import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { normalizeForIngest, normalizeRecord, normalizeRecords, normalizeStoredRecord } from "./normalize";
import { parseAuditText } from "./parse-input";

const k8s = { kind: "Event", apiVersion: "audit.k8s.io/v1", auditID: "a1", stage: "ResponseComplete", verb: "get", requestURI: "/api/v1/namespaces/shop/pods/web", user: { username: "alice", groups: ["dev"] }, sourceIPs: ["203.0.113.9", "10.0.0.7"], objectRef: { resource: "pods", namespace: "shop", name: "web" }, responseStatus: { code: 200 }, requestReceivedTimestamp: "2024-05-01T10:00:00.000000Z", annotations: { "authorization.k8s.io/decision": "allow", "authorization.k8s.io/reason": 'RBAC: allowed by RoleBinding "dev/shop"' } };
const ok = (raw: unknown) => {
  const r = normalizeRecord(raw);
  if (!r.ok) throw new Error(r.reason);
  return r.event;
};

describe("normalizeRecord", () => {
  it("keeps every sourceIP and exposes the last, trusted one", () => {
    const e = ok(k8s);
    expect(e.sourceIPs).toEqual(["203.0.113.9", "10.0.0.7"]);
    expect(e.sourceIP).toBe("10.0.0.7");
    expect(e.decision).toBe("allow");
    expect(e.reason).toContain("RoleBinding");
    expect(e.ts).toBe(Date.parse("2024-05-01T10:00:00Z"));
  });

  it("accepts v1beta1 events and events without apiVersion, filling objectRef from the URI", () => {
    const { apiVersion: _a, objectRef: _o, ...bare } = k8s;
    const e = ok(bare);
    expect(e.objectRef).toMatchObject({ resource: "pods", namespace: "shop", name: "web" });
    expect(ok({ ...k8s, apiVersion: "audit.k8s.io/v1beta1", timestamp: "2018-10-25T13:58:49Z" }).verb).toBe("get");
  });

  it("rejects malformed records with a reason and never throws", () => {
    for (const bad of [{ kind: 0 }, null, 42, "x", [], { verb: "get" }, { kind: "Event", apiVersion: "v1", verb: "get", requestURI: "/" }]) {
      const r = normalizeRecord(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
    }
  });

  it("decodes exec commands from the requestURI (EKS logs exec as verb get)", () => {
    const e = ok({ ...k8s, verb: "get", stage: "ResponseStarted", objectRef: { resource: "pods", subresource: "exec", namespace: "shop", name: "web" }, requestURI: "/api/v1/namespaces/shop/pods/web/exec?command=sh&command=-c&command=cat%20%2Fetc%2Fshadow&container=app&stdin=true&tty=true" });
    expect(e.exec).toEqual({ command: ["sh", "-c", "cat /etc/shadow"], container: "app", stdin: true, tty: true });
  });

  it("rebuilds JSON-patch bodies into a sparse object", () => {
    const e = ok({ ...k8s, verb: "patch", objectRef: { resource: "deployments", namespace: "shop", name: "web", apiGroup: "apps" }, requestObject: [{ op: "add", path: "/spec/template/spec/containers/0/securityContext", value: { privileged: true } }] });
    expect(e.requestPatch).toHaveLength(1);
    expect(e.object).toEqual({ spec: { template: { spec: { containers: [{ securityContext: { privileged: true } }] } } } });
  });

  it("maps a GKE LogEntry (protoPayload) onto the event fields", () => {
    const e = ok({ insertId: "g1", timestamp: "2024-02-16 11:48:22.742154000", labels: { "authorization.k8s.io/decision": "allow" }, protoPayload: { methodName: "io.k8s.core.v1.pods.exec.create", resourceName: "core/v1/namespaces/prod/pods/db-0/exec", authenticationInfo: { principalEmail: "eve@example.com" }, requestMetadata: { callerIP: "35.1.2.3", callerSuppliedUserAgent: "kubectl/v1.30.0" }, request: { command: ["id"] } } });
    expect(e).toMatchObject({ source: "gke", auditID: "g1", verb: "create", sourceIP: "35.1.2.3", userAgent: "kubectl/v1.30.0", decision: "allow", user: { username: "eve@example.com" } });
    expect(e.objectRef).toMatchObject({ apiGroup: "", resource: "pods", subresource: "exec", namespace: "prod", name: "db-0" });
    expect(e.exec?.command).toEqual(["id"]);
    expect(e.ts).toBe(Date.parse("2024-02-16T11:48:22.742Z"));
  });

  it("maps GKE denials and non-resource calls, and rejects non-Kubernetes entries", () => {
    const denied = ok({ protoPayload: { methodName: "io.k8s.rbac.v1.clusterroles.list", resourceName: "rbac.authorization.k8s.io/v1/clusterroles", status: { code: 7 }, authenticationInfo: { principalEmail: "x@y" } } });
    expect(denied).toMatchObject({ code: 403, decision: "forbid", objectRef: { apiGroup: "rbac.authorization.k8s.io", resource: "clusterroles" } });
    expect(ok({ protoPayload: { methodName: "io.k8s.get", resourceName: "readyz" } }).path).toBe("/readyz");
    expect(normalizeRecord({ protoPayload: { methodName: "compute.instances.list" } }).ok).toBe(false);
  });

  it("unwraps AKS properties.log (string or object) and EKS CloudWatch messages", () => {
    expect(ok({ category: "kube-audit", properties: { log: JSON.stringify(k8s) } }).source).toBe("aks");
    expect(ok({ category: "kube-audit", properties: { log: k8s } }).source).toBe("aks");
    expect(ok({ id: "1", timestamp: 1, message: JSON.stringify(k8s) }).source).toBe("eks");
    expect(ok({ "@timestamp": "x", "@message": k8s }).source).toBe("eks");
  });
});

describe("parseAuditText", () => {
  it("reads JSON lines, EventList, arrays and CloudWatch logEvents; bad lines are rejected with their number", () => {
    const line = JSON.stringify(k8s);
    expect(parseAuditText(`${line}\n\n${line}\nnot json\n`)).toMatchObject({ records: [k8s, k8s], rejected: [{ index: 3 }] });
    expect(parseAuditText(JSON.stringify({ kind: "EventList", apiVersion: "audit.k8s.io/v1", items: [k8s, k8s] })).records).toHaveLength(2);
    expect(parseAuditText(JSON.stringify([k8s, k8s, k8s])).records).toHaveLength(3);
    expect(parseAuditText(JSON.stringify({ logGroup: "/aws/eks/x/cluster", logEvents: [{ id: "1", timestamp: 1, message: line }] })).records).toHaveLength(1);
    expect(parseAuditText("").records).toEqual([]);
  });

  it("gives each record its own text from the input, through EventLists, arrays, envelopes and lines", () => {
    const other = { ...k8s, auditID: "b", annotations: { note: 'a "quoted" ] value' } };
    const inputs = [
      JSON.stringify({ kind: "EventList", apiVersion: "audit.k8s.io/v1", metadata: {}, items: [k8s, other] }),
      JSON.stringify({ items: [k8s, other], kind: "EventList" }, null, 2),
      JSON.stringify([[k8s], { records: [other] }]),
      `${JSON.stringify(k8s)}\n${JSON.stringify(other, null, 1).replace(/\n/g, "")}`,
    ];
    for (const input of inputs) {
      const { records, texts } = parseAuditText(input);
      expect(records).toEqual([k8s, other]);
      expect(texts.map((t) => JSON.parse(t!))).toEqual([k8s, other]);
      expect(texts.every((t) => input.includes(t!))).toBe(true);
    }
  });

  it("leaves a record's text unknown where it cannot be matched, so that the caller serialises the record", () => {
    const escapedKey = '{"kind":"EventList","\\u0069tems":[{"verb":"get"}]}';
    expect(parseAuditText(escapedKey)).toMatchObject({ records: [{ verb: "get" }], texts: [undefined] });
  });

  it("normalizeRecords gives synthetic ids to events without auditID and counts rejections", () => {
    const { auditID: _id, ...noId } = k8s;
    const r = normalizeRecords([noId, { kind: 0 }], { idPrefix: "f.json" });
    expect(r.events[0].auditID).toBe("f.json-1");
    expect(r.rejected).toMatchObject([{ index: 1 }]);
  });
});

describe("normalizeStoredRecord", () => {
  it("reads back exactly what normalizeRecord made of the record, keyed by the stored id", () => {
    const exec = { ...k8s, auditID: "", verb: "create", requestURI: "/api/v1/namespaces/shop/pods/web/exec?command=sh&container=app", objectRef: { resource: "pods", namespace: "shop", name: "web", subresource: "exec" } };
    const aks = { category: "kube-audit", properties: { log: JSON.stringify(k8s) } };
    for (const raw of [k8s, exec, aks]) {
      const stored = JSON.parse(JSON.stringify(raw));
      expect(normalizeStoredRecord(stored, "stored-id")).toEqual({ ...ok(raw), auditID: "stored-id" });
    }
  });

  it("returns undefined for what it cannot read, without throwing", () => {
    expect(normalizeStoredRecord(null, "x")).toBeUndefined();
    expect(normalizeStoredRecord(["not", "an", "event"], "x")).toBeUndefined();
  });
});

describe("normalizeForIngest", () => {
  const fixtureRecords = () =>
    (fs.readdirSync(path.join(import.meta.dirname, "detections"), { recursive: true }) as string[])
      .filter((f) => f.endsWith(".jsonl"))
      .flatMap((f) => fs.readFileSync(path.join(import.meta.dirname, "detections", f), "utf8").trim().split("\n").map((l) => JSON.parse(l) as unknown));

  it("gives the stored columns exactly as normalizeRecord does, on every detection fixture and source shape", () => {
    const records = [...fixtureRecords(), { category: "kube-audit", properties: { log: JSON.stringify(k8s) } }, { ...k8s, objectRef: undefined }];
    expect(records.length).toBeGreaterThan(100);
    for (const raw of records) {
      const full = normalizeRecord(raw, "fallback");
      const lean = normalizeForIngest(raw, "fallback");
      expect(lean.ok).toBe(full.ok);
      if (!full.ok || !lean.ok) continue;
      const e = full.event;
      expect(lean.fields).toEqual({ auditID: e.auditID, stage: e.stage, verb: e.verb, username: e.user.username, sourceIP: e.sourceIP, userAgent: e.userAgent, objectRef: e.objectRef, code: e.code, ts: e.ts, decision: e.decision });
    }
  });

  it("refuses what normalizeRecord refuses, with the same reason", () => {
    for (const bad of [null, [], { verb: "get" }, { ...k8s, level: "None" }]) expect(normalizeForIngest(bad, "x")).toEqual(normalizeRecord(bad, "x"));
  });
});
