import type { AuditSource } from "../types";
import { gkeToEvent } from "./gke";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

const parseJsonObject = (s: string): Obj | undefined => {
  const t = s.trim();
  if (!t.startsWith("{")) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    return isObj(v) ? v : undefined;
  } catch {
    return undefined;
  }
};

export type Unwrapped = { event: Obj; source: AuditSource } | { error: string };

/**
 * Takes one record as found in a file or a webhook batch and returns the audit.k8s.io Event inside it:
 * GKE LogEntry (protoPayload), AKS diagnostic log (properties.log, an object or a JSON string),
 * EKS CloudWatch exports ({message: "<event json>"} or Logs Insights {"@message": ...}), or a plain Event.
 */
export const unwrapRecord = (raw: unknown): Unwrapped => {
  if (!isObj(raw)) return { error: `not a JSON object (${raw === null ? "null" : Array.isArray(raw) ? "array" : typeof raw})` };
  if (isObj(raw.protoPayload)) {
    const mapped = gkeToEvent(raw);
    return typeof mapped === "string" ? { error: mapped } : { event: mapped, source: "gke" };
  }
  const props = raw.properties;
  if (isObj(props) && "log" in props) {
    const log = props.log;
    const event = typeof log === "string" ? parseJsonObject(log) : isObj(log) ? log : undefined;
    return event ? { event, source: "aks" } : { error: "AKS record: properties.log is not a JSON object" };
  }
  for (const key of ["@message", "message"] as const) {
    const m = raw[key];
    if (raw.verb === undefined && (typeof m === "string" || isObj(m))) {
      const event = typeof m === "string" ? parseJsonObject(m) : m;
      if (event) return { event, source: "eks" };
      if (key === "@message") return { error: "CloudWatch record: @message is not a JSON object" };
    }
  }
  return { event: raw, source: "kubernetes" };
};
