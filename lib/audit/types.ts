export type Severity = "critical" | "high" | "medium" | "low" | "info";
export const SEVERITIES: readonly Severity[] = ["info", "low", "medium", "high", "critical"];
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

export type AuditSource = "kubernetes" | "eks" | "gke" | "aks";
export type AuditLevel = "Metadata" | "Request" | "RequestResponse";
export type AuditStage = "RequestReceived" | "ResponseStarted" | "ResponseComplete" | "Panic";

export type UserInfo = { username: string; uid?: string; groups: string[]; extra: Record<string, string[]> };

export type ObjectRef = {
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  apiGroup?: string;
  apiVersion?: string;
};

export type JsonPatchOp = { op: string; path: string; value?: unknown; from?: string };

/** Decoded `?command=...&command=...` of an exec/attach request (or the synthetic requestObject form). */
export type ExecInfo = { command: string[]; container?: string; stdin: boolean; tty: boolean };

/** One audit event in Tower's single shape, whatever the source (apiserver, EKS, GKE, AKS). */
export type AuditEvent = {
  auditID: string;
  stage: AuditStage;
  level: AuditLevel;
  verb: string;
  requestURI: string;
  /** requestURI without the query string. */
  path: string;
  user: UserInfo;
  impersonatedUser?: UserInfo;
  /** As logged; only the last entry is added by the apiserver itself and can be trusted. */
  sourceIPs: string[];
  /** Last entry of sourceIPs, "" when none. */
  sourceIP: string;
  userAgent: string;
  objectRef: ObjectRef;
  code?: number;
  decision?: "allow" | "forbid";
  /** annotations["authorization.k8s.io/reason"]: the binding that allowed the request. */
  reason?: string;
  annotations: Record<string, string>;
  requestObject?: unknown;
  responseObject?: unknown;
  /** Set when the request body of a patch was a JSON patch. */
  requestPatch?: JsonPatchOp[];
  /** Best view of the object the request produced: full response object, else request body (patches rebuilt as a sparse object). */
  object?: Record<string, unknown>;
  exec?: ExecInfo;
  /** Epoch milliseconds; NaN when the source carried no time (the engine fills it from its neighbours). */
  ts: number;
  source: AuditSource;
};

export type Rejected = { index: number; reason: string; file?: string };
