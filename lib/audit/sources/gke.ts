import { toRfc3339 } from "../time";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

const VERSION = /^v\d+((alpha|beta)\d+)?$/;
const GROUP_ALIASES: Record<string, string> = {
  core: "",
  rbac: "rbac.authorization.k8s.io",
  admissionregistration: "admissionregistration.k8s.io",
  certificates: "certificates.k8s.io",
  authorization: "authorization.k8s.io",
  authentication: "authentication.k8s.io",
  networking: "networking.k8s.io",
  storage: "storage.k8s.io",
  scheduling: "scheduling.k8s.io",
  apiextensions: "apiextensions.k8s.io",
  coordination: "coordination.k8s.io",
  events: "events.k8s.io",
};
const group = (g: string) => GROUP_ALIASES[g] ?? g;

/** google.rpc.Code → HTTP status, for the codes an apiserver request can end with. */
const RPC_TO_HTTP: Record<number, number> = { 0: 200, 3: 400, 5: 404, 6: 409, 7: 403, 9: 412, 10: 409, 13: 500, 14: 503, 16: 401 };

/** `io.k8s.core.v1.pods.exec.create` → apiGroup, version, resource, subresource, verb. */
export const parseMethodName = (method: string) => {
  if (!method.startsWith("io.k8s.")) return undefined;
  const parts = method.slice("io.k8s.".length).split(".");
  if (parts.length === 1) return { nonResource: true as const, verb: parts[0] };
  const v = parts.findIndex((p) => VERSION.test(p));
  if (v < 1 || parts.length < v + 3) return undefined;
  const rest = parts.slice(v + 1);
  return {
    nonResource: false as const,
    apiGroup: group(parts.slice(0, v).join(".")),
    apiVersion: parts[v],
    resource: rest[0],
    subresource: rest.length > 2 ? rest.slice(1, -1).join("/") : undefined,
    verb: rest[rest.length - 1],
  };
};

/** `core/v1/namespaces/default/pods/web/exec` → namespace, name (resource and subresource come from the method). */
export const parseResourceName = (name: string) => {
  const parts = name.split("/");
  let i = 2;
  let namespace: string | undefined;
  if (parts[i] === "namespaces" && parts.length > i + 2) {
    namespace = parts[i + 1];
    i += 2;
  } else if (parts[i] === "namespaces" && parts.length === i + 2) {
    return { namespace: undefined, name: parts[i + 1] };
  }
  return { namespace, name: parts[i + 1] };
};

/** `core/v1/namespaces/x/pods/y` → `/api/v1/namespaces/x/pods/y`; `apps/v1/...` → `/apis/apps/v1/...`. */
const uriOf = (resourceName: string) => {
  if (!resourceName) return "";
  return resourceName.startsWith("core/") ? `/api/${resourceName.slice(5)}` : `/apis/${resourceName}`;
};


/**
 * Maps a GKE Cloud Logging LogEntry (protoPayload AuditLog) onto the audit.k8s.io Event fields.
 * Returns a reason string when the entry is not a Kubernetes API call.
 */
export const gkeToEvent = (entry: Obj): Obj | string => {
  const p = obj(entry.protoPayload) ?? {};
  const method = str(p.methodName) ?? "";
  const parsed = parseMethodName(method);
  if (!parsed) return `GKE entry is not a Kubernetes API call (methodName ${JSON.stringify(method)})`;
  const resourceName = str(p.resourceName) ?? "";
  const { namespace, name } = parsed.nonResource ? { namespace: undefined, name: undefined } : parseResourceName(resourceName);
  const uri = parsed.nonResource ? `/${resourceName.replace(/^\//, "")}` : uriOf(resourceName);
  const auth = obj(p.authenticationInfo) ?? {};
  const selector = str(auth.authoritySelector);
  const username = str(auth.principalEmail) ?? (selector?.startsWith("system:") ? selector : "");
  const meta = obj(p.requestMetadata) ?? {};
  const ip = str(meta.callerIP) ?? str(meta.callerIp);
  const labels = obj(entry.labels) ?? {};
  const authz = (Array.isArray(p.authorizationInfo) ? p.authorizationInfo : Array.isArray(entry.authorizationInfo) ? entry.authorizationInfo : []) as Obj[];
  const status = obj(p.status);
  const rpc = typeof status?.code === "number" ? status.code : undefined;
  const denied = authz.some((a) => a?.granted === false);
  const granted = authz.length > 0 && authz.every((a) => a?.granted === true);
  const failed = obj(p.response)?.status === "Failure" ? Number(obj(p.response)?.code ?? 500) : undefined;
  const code = rpc !== undefined && rpc !== 0 ? (RPC_TO_HTTP[rpc] ?? 500) : (failed ?? (denied ? 403 : rpc === 0 ? 200 : undefined));
  const decision = str(labels["authorization.k8s.io/decision"]) ?? (denied || rpc === 7 ? "forbid" : granted ? "allow" : undefined);
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) if (typeof v === "string" && k.includes("/")) annotations[k] = v;
  if (decision) annotations["authorization.k8s.io/decision"] = decision;
  const time = toRfc3339(str(entry.timestamp) ?? str(p.timestamp) ?? str(entry.receiveTimestamp));
  const operation = obj(entry.operation);
  return {
    kind: "Event",
    apiVersion: "audit.k8s.io/v1",
    auditID: str(labels["k8s.io/audit-id"]) ?? str(entry.insertId) ?? str(operation?.id),
    stage: operation?.first === true && operation?.last !== true ? "ResponseStarted" : "ResponseComplete",
    level: p.response ? "RequestResponse" : p.request ? "Request" : "Metadata",
    verb: parsed.verb,
    requestURI: str(p.requestURI) ?? uri,
    user: { username, groups: [] },
    sourceIPs: ip ? [ip] : [],
    userAgent: str(meta.callerSuppliedUserAgent),
    objectRef: parsed.nonResource ? undefined : { apiGroup: parsed.apiGroup, apiVersion: parsed.apiVersion, resource: parsed.resource, subresource: parsed.subresource, namespace, name },
    responseStatus: code !== undefined ? { code, message: str(status?.message) } : undefined,
    requestObject: p.request,
    responseObject: p.response,
    requestReceivedTimestamp: time,
    annotations,
  };
};
