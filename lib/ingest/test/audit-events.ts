import crypto from "node:crypto";
import zlib from "node:zlib";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/services/internal";

const USERS = ["alice@example.com", "system:serviceaccount:shop:web", "system:node:node-1", "system:kube-controller-manager", "bob@example.com"];
const VERBS = ["get", "list", "watch", "create", "update", "patch", "delete"];
const RESOURCES = ["pods", "configmaps", "deployments", "services", "secrets", "endpoints", "leases"];

/** An audit.k8s.io/v1 Event shaped like the API server's, at Metadata level unless asked otherwise. */
export const makeEvent = (i: number, opts: { auditID?: string; stage?: string; ts?: Date; level?: string; runId?: string } = {}) => {
  const ts = (opts.ts ?? new Date()).toISOString().replace("Z", "000Z");
  const resource = RESOURCES[i % RESOURCES.length];
  const verb = VERBS[i % VERBS.length];
  const ns = `ns-${i % 13}`;
  const name = `${resource}-${i % 97}`;
  return {
    kind: "Event",
    apiVersion: "audit.k8s.io/v1",
    level: opts.level ?? "Metadata",
    auditID: opts.auditID ?? crypto.randomUUID(),
    stage: opts.stage ?? "ResponseComplete",
    requestURI: `/api/v1/namespaces/${ns}/${resource}/${name}`,
    verb,
    user: { username: USERS[i % USERS.length], uid: `uid-${i % 5}`, groups: ["system:authenticated"] },
    sourceIPs: [`10.0.${i % 200}.${i % 250}`],
    userAgent: "kubectl/v1.30.1 (linux/amd64) kubernetes/abc1234",
    objectRef: { resource, namespace: ns, name, apiVersion: "v1" },
    responseStatus: { metadata: {}, code: i % 50 === 0 ? 403 : 200 },
    requestReceivedTimestamp: ts,
    stageTimestamp: ts,
    annotations: { "authorization.k8s.io/decision": i % 50 === 0 ? "forbid" : "allow", "authorization.k8s.io/reason": "RBAC: allowed by ClusterRoleBinding \"ops\"" },
  };
};

export const eventList = (items: unknown[]) => ({ kind: "EventList", apiVersion: "audit.k8s.io/v1", metadata: {}, items });

/** A cluster of `orgId` with an audit webhook token (only its hash stored, as the service does). */
export const createAuditCluster = async (orgId: string) => {
  const token = `twa_${crypto.randomBytes(24).toString("base64url")}`;
  const cluster = await db.cluster.create({ data: { orgId, name: `audit-${crypto.randomBytes(3).toString("hex")}`, server: "https://127.0.0.1:6443", auditTokenHash: hashToken(token), auditTokenCreatedAt: new Date() } });
  return { cluster, token };
};

/** The request the API server's webhook backend sends: no Origin, no cookie, a bearer token. */
export const webhookRequest = (clusterId: string, body: unknown, opts: { token?: string; gzip?: boolean; raw?: string | ReadableStream<Uint8Array> } = {}) => {
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "kube-apiserver-admission", accept: "application/json, */*" };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let payload: BodyInit = opts.raw ?? JSON.stringify(body);
  if (opts.gzip) {
    payload = zlib.gzipSync(Buffer.from(payload as string));
    headers["content-encoding"] = "gzip";
  }
  // A streamed body needs duplex "half", which the RequestInit type does not know yet.
  const init = { method: "POST", headers, body: payload, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1];
  return new NextRequest(new URL(`/api/v1/audit/ingest/${clusterId}`, "http://tower.test"), init);
};
