import type { K8sObject } from "../../../types";

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export const str = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

export const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** Tool-written text goes into our messages: keep it to one short line. */
export const clip = (text: string, max = 200): string => {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

export const TRIVY_GROUP = "aquasecurity.github.io/";

/** Whether the object is a Trivy Operator report of this kind (by API group, not only by kind). */
export const isTrivyReport = (obj: K8sObject): boolean => typeof obj.apiVersion === "string" && obj.apiVersion.startsWith(TRIVY_GROUP);

export const reportBody = (obj: K8sObject): Record<string, unknown> => (isRecord(obj.report) ? obj.report : {});

/**
 * The workload a Trivy Operator report is about, from its trivy-operator.resource.* labels
 * (and the container label for per-container reports): "container 'nginx' of ReplicaSet 'web-6d4f' in namespace 'shop'".
 */
export const trivySubject = (obj: K8sObject): string => {
  const l: Record<string, unknown> = isRecord(obj.metadata?.labels) ? obj.metadata.labels : {};
  const kind = l["trivy-operator.resource.kind"];
  const name = l["trivy-operator.resource.name"];
  const ns = l["trivy-operator.resource.namespace"] ?? obj.metadata?.namespace;
  const container = l["trivy-operator.container.name"];
  const target = kind && name ? `${kind} '${name}'` : `the object of report '${obj.metadata?.name ?? "?"}'`;
  return `${container ? `container '${container}' of ` : ""}${target}${ns ? ` in namespace '${ns}'` : ""}`;
};

/** "library/nginx:1.16" from report.artifact (+ registry.server when it is not Docker Hub). */
export const trivyImage = (report: Record<string, unknown>): string | undefined => {
  const artifact = isRecord(report.artifact) ? report.artifact : {};
  const repo = str(artifact.repository);
  if (!repo) return undefined;
  const server = isRecord(report.registry) ? str(report.registry.server) : undefined;
  const host = server && !/(^|\.)docker\.io$/.test(server) ? `${server}/` : "";
  const tag = str(artifact.tag);
  const digest = str(artifact.digest);
  return `${host}${repo}${tag ? `:${tag}` : ""}${!tag && digest ? `@${digest}` : ""}`;
};

export const SEVERITY_ORDER = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"] as const;
export const severityRank = (s: unknown): number => {
  const i = SEVERITY_ORDER.indexOf(String(s).toUpperCase() as (typeof SEVERITY_ORDER)[number]);
  return i < 0 ? SEVERITY_ORDER.length : i;
};
