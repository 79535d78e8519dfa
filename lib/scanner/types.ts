export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export type ObjectMeta = {
  name?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Array<{ apiVersion?: string; kind?: string; name?: string; uid?: string; controller?: boolean }>;
  [key: string]: unknown;
};

/** A Kubernetes object as read from a file or the API: nothing in it is trusted to be present. */
export type K8sObject = {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [key: string]: unknown;
};

/** Where an object came from, when scanned from files. */
export type SourceInfo = { file?: string; line?: number; docIndex?: number };

export type SourcedObject = { obj: K8sObject; source?: SourceInfo };

/** External IDs a rule covers, keyed as in shared/spec/cli-contract.md. */
export type Refs = {
  ksv?: string[];
  kubescape?: string[];
  cis?: string[];
  polaris?: string[];
  checkov?: string[];
  istio?: string[];
  kubescore?: string[];
  kubeaudit?: string[];
  pss?: string[];
  nsa?: string[];
  mitre?: string[];
};

export const THEMES = [
  "pod-hardening",
  "images-supply-chain",
  "secrets",
  "rbac-api-access",
  "network-policy",
  "ingress",
  "istio",
  "operators-webhooks",
  "cluster-version-cves",
  "external-reports",
] as const;
export type Theme = (typeof THEMES)[number];

export type ResourceRef = {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  file?: string;
  line?: number;
};

export type Evidence = { path: string; value?: unknown };

/** What a rule's check returns: one problem at one place. Values must already be redacted. */
export type Violation = { path: string; message: string; value?: unknown; extraPaths?: Evidence[] };

/** What a cross-object rule returns: the object the finding is about, plus the violation. */
export type Hit = Violation & { object: K8sObject };

/** Facts about the cluster that are not objects (from the live API; absent when scanning files). */
export type ClusterFacts = {
  serverVersion?: { major?: string; minor?: string; gitVersion?: string; platform?: string };
  apiResources?: Array<{ group: string; version: string; resource: string; kind: string; namespaced: boolean }>;
  nodes?: Array<{ name: string; kubeletVersion?: string; osImage?: string; containerRuntimeVersion?: string }>;
};

export type ScanOptions = {
  /** Registries images may come from (prefix match, e.g. "registry.corp.example/"); empty = rule off. */
  allowedRegistries?: string[];
  /** Restrict the run to these rule ids (or names). */
  rules?: string[];
};

export type Finding = {
  ruleId: string;
  ruleName: string;
  title: string;
  severity: Severity;
  theme: Theme;
  message: string;
  resource: ResourceRef;
  evidence: Evidence[];
  remediation: string;
  refs: Refs;
};
