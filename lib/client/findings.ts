import { apiFetch } from "./api-client";
import { SEVERITIES, type TSeverity } from "./clusters";

export type TFindingStatus = "new" | "open" | "resolved" | "regressed";
export const FINDING_STATUSES: TFindingStatus[] = ["new", "open", "regressed", "resolved"];
export type TEvidence = { path: string; value?: unknown };

export type TFinding = {
  id: string;
  clusterId: string;
  clusterName: string;
  ruleId: string;
  ruleName: string;
  title: string;
  severity: TSeverity;
  theme: string;
  message: string;
  resource: { apiVersion: string; kind: string; namespace: string; name: string };
  evidence: TEvidence[];
  status: TFindingStatus;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  suppression: { id: string; reason: string; expiresAt: string | null } | null;
};

export type TFindingDetail = TFinding & {
  description: string | null;
  remediation: string;
  references: string[];
  refs: Record<string, string[] | undefined>;
  objectYaml: string | null;
  otherFindings: Array<{ id: string; ruleName: string; title: string; severity: TSeverity }>;
};

export type TFindingPage = { items: TFinding[]; total: number; page: number; pageSize: number };
export type TFindingGroup = { key: Record<string, string>; total: number; bySeverity: Partial<Record<TSeverity, number>> };

export type TSuppressionScope = "finding" | "resource" | "namespace" | "rule";
export type TCreateSuppression = { findingId: string; scope: TSuppressionScope; reason: string; expiresAt?: string };
export type TCreatedSuppression = { id: string; scope: TSuppressionScope; reason: string; expiresAt: string | null; findingsHidden: number };

export const SORTS = ["severity", "firstSeen", "lastSeen", "rule", "resource"] as const;
export type TSort = (typeof SORTS)[number];
export type TGroupBy = "none" | "rule" | "resource";
export type TSuppressed = "hide" | "only" | "include";

/** The explorer's view: every filter, the sort and the page, exactly as the URL and the API carry them. */
export type TFindingView = {
  cluster: string[];
  namespace: string[];
  severity: TSeverity[];
  theme: string[];
  rule: string[];
  status: TFindingStatus[];
  kind: string[];
  q: string;
  firstSeenAfter: string;
  suppressed: TSuppressed;
  sort: TSort;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
  groupBy: TGroupBy;
};

export const DEFAULT_VIEW: TFindingView = { cluster: [], namespace: [], severity: [], theme: [], rule: [], status: [], kind: [], q: "", firstSeenAfter: "", suppressed: "hide", sort: "severity", order: "desc", page: 1, pageSize: 50, groupBy: "none" };

const LIST_KEYS = ["cluster", "namespace", "severity", "theme", "rule", "status", "kind"] as const;
type TListKey = (typeof LIST_KEYS)[number];

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (value && (allowed as readonly string[]).includes(value) ? (value as T) : fallback);
const positive = (value: string | null, fallback: number, max: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
};

/** Reads the view from URL search params; unknown values fall back to the defaults. */
export const viewFromParams = (params: { get(name: string): string | null }): TFindingView => {
  const list = (k: TListKey) => (params.get(k) ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return {
    cluster: list("cluster"),
    namespace: list("namespace"),
    severity: list("severity").filter((s): s is TSeverity => (SEVERITIES as string[]).includes(s)),
    theme: list("theme"),
    rule: list("rule"),
    status: list("status").filter((s): s is TFindingStatus => (FINDING_STATUSES as string[]).includes(s)),
    kind: list("kind"),
    q: params.get("q") ?? "",
    firstSeenAfter: params.get("firstSeenAfter") ?? "",
    suppressed: oneOf(params.get("suppressed"), ["hide", "only", "include"] as const, "hide"),
    sort: oneOf(params.get("sort"), SORTS, "severity"),
    order: oneOf(params.get("order"), ["asc", "desc"] as const, "desc"),
    page: positive(params.get("page"), 1, 100_000),
    pageSize: positive(params.get("pageSize"), 50, 200),
    groupBy: oneOf(params.get("groupBy"), ["none", "rule", "resource"] as const, "none"),
  };
};

/** The view as a query string, defaults left out, so shared links stay short and stable. */
export const viewToParams = (view: TFindingView) => {
  const out = new URLSearchParams();
  for (const k of LIST_KEYS) if (view[k].length) out.set(k, view[k].join(","));
  for (const k of ["q", "firstSeenAfter", "suppressed", "sort", "order", "page", "pageSize", "groupBy"] as const) {
    const value = String(view[k]).trim();
    if (value && value !== String(DEFAULT_VIEW[k])) out.set(k, value);
  }
  return out;
};

export const hasActiveFilters = (view: TFindingView) => LIST_KEYS.some((k) => view[k].length > 0) || !!view.q || !!view.firstSeenAfter || view.suppressed !== "hide";

export const findingKeys = {
  all: (orgId: string) => ["org", orgId, "findings"] as const,
  list: (orgId: string, view: TFindingView) => ["org", orgId, "findings", "list", viewToParams({ ...view, groupBy: "none" }).toString()] as const,
  groups: (orgId: string, view: TFindingView) => ["org", orgId, "findings", "groups", viewToParams(view).toString()] as const,
  detail: (orgId: string, findingId: string) => ["org", orgId, "findings", "detail", findingId] as const,
  suppressions: (orgId: string) => ["org", orgId, "suppressions"] as const,
};

/** The API wants a full ISO datetime; the URL keeps the date the user picked. */
export const apiParams = (view: TFindingView) => {
  const p = viewToParams(view);
  if (view.firstSeenAfter && /^\d{4}-\d{2}-\d{2}$/.test(view.firstSeenAfter)) p.set("firstSeenAfter", `${view.firstSeenAfter}T00:00:00.000Z`);
  return p.toString();
};

export const fetchFindings = (view: TFindingView, signal?: AbortSignal) => apiFetch<TFindingPage>(`/api/v1/findings?${apiParams({ ...view, groupBy: "none" })}`, { signal });
export const fetchFindingGroups = (view: TFindingView, signal?: AbortSignal) => apiFetch<{ groups: TFindingGroup[] }>(`/api/v1/findings?${apiParams(view)}`, { signal });
export const fetchFinding = (id: string, signal?: AbortSignal) => apiFetch<TFindingDetail>(`/api/v1/findings/${encodeURIComponent(id)}`, { signal });
export const createSuppression = (body: TCreateSuppression) => apiFetch<TCreatedSuppression>("/api/v1/suppressions", { method: "POST", body });
export const revokeSuppression = (id: string) => apiFetch<void>(`/api/v1/suppressions/${encodeURIComponent(id)}`, { method: "DELETE" });
