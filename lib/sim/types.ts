import type { K8sObject, SourcedObject } from "../scanner/types";

export type ForbiddenRule = { group: string; resource: string; verb?: string; namespace?: string };

export type InjectedFailure = {
  /** Matched against the request path plus query string. */
  path: RegExp | string;
  status: number;
  /** How many matching requests fail; then the path recovers. Infinity for always. */
  times: number;
  method?: string;
  /** Hold the request this long before failing (to exercise client timeouts). */
  delayMs?: number;
};

export type SimOptions = {
  /** A directory of manifests (YAML/JSON, walked recursively). */
  dir?: string;
  objects?: ReadonlyArray<K8sObject | SourcedObject>;
  /** 0 or absent: any free port. Always bound to 127.0.0.1. */
  port?: number;
  /** Default true. false serves plain HTTP (only for tests of the client's refusal). */
  tls?: boolean;
  auth?: {
    /** Bearer tokens that authenticate (as user "tower-sim" unless `users` names them). Default: one random token. */
    tokens?: string[];
    users?: Record<string, string>;
    /** Tokens that were valid once: answered 401 like any other invalid credential. */
    expiredTokens?: string[];
    /** PEM CA for client certificates; default the simulator's own CA. */
    clientCA?: string;
  };
  forbidden?: ForbiddenRule[];
  latencyMs?: number;
  failures?: InjectedFailure[];
  /** The server returns at most this many items per page, whatever the client's limit. */
  pageSizeMax?: number;
  /** The next N requests that carry a continue token get 410 Expired. */
  expireContinue?: { times: number; resource?: string };
  /** e.g. "v1.28.4". */
  serverVersion?: string;
  /** Context, cluster and user name in the generated kubeconfig. Default "tower-sim". */
  contextName?: string;
};

export type KubeconfigVariant = { token?: string; clientCert?: boolean; wrongCa?: boolean; contextName?: string; namespace?: string };

export type SimRequestLog = { method: string; path: string; status: number; accept?: string };

export type SimHandle = {
  url: string;
  port: number;
  caPem: string;
  token: string;
  /** A kubeconfig (YAML) with the CA and the bearer token. */
  kubeconfig: string;
  kubeconfigFor(variant: KubeconfigVariant): string;
  /** Change options while running (failures, forbidden, expireContinue, latency, tokens). */
  update(patch: Partial<Pick<SimOptions, "failures" | "forbidden" | "expireContinue" | "latencyMs" | "pageSizeMax" | "auth">>): void;
  /** The last requests served, oldest first (bounded). */
  requests: SimRequestLog[];
  objectCount: number;
  close(): Promise<void>;
};
