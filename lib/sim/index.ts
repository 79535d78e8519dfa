import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parseManifests } from "../scanner/parse";
import type { K8sObject, SourcedObject } from "../scanner/types";
import { simCerts } from "./certs";
import { buildKubeconfig } from "./kubeconfig";
import { createHandler, type SimState } from "./server";
import { buildStore } from "./store";
import type { KubeconfigVariant, SimHandle, SimOptions, SimRequestLog } from "./types";

export type { SimHandle, SimOptions, ForbiddenRule, InjectedFailure, KubeconfigVariant } from "./types";
export { asServed } from "./store";

export const DEFAULT_SERVER_VERSION = "v1.28.4";
export const DEMO_CLUSTER_DIR = path.join(import.meta.dirname, "demo-cluster");

const MANIFEST_RE = /\.(ya?ml|json)$/i;

const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : MANIFEST_RE.test(e.name) ? [path.join(dir, e.name)] : []));

/** Every object of every manifest file under `dir`, in a stable order. Files that do not parse are reported. */
export const loadManifestDir = (dir: string): { objects: SourcedObject[]; errors: string[] } => {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`tower sim: ${dir} is not a directory`);
  const objects: SourcedObject[] = [];
  const errors: string[] = [];
  for (const file of walk(dir)) {
    const parsed = parseManifests(fs.readFileSync(file, "utf8"), path.relative(dir, file));
    objects.push(...parsed.objects);
    errors.push(...parsed.errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}`));
  }
  return { objects, errors };
};

const toObject = (o: K8sObject | SourcedObject): K8sObject => ("obj" in o && typeof o.obj === "object" && o.obj !== null ? (o as SourcedObject).obj : (o as K8sObject));

/**
 * Starts a read-only Kubernetes API server on 127.0.0.1 serving `dir` or `objects`: discovery, list/get
 * with pagination and selectors, Table and metadata views, bearer/client-certificate auth, RBAC-like
 * denials and injectable faults. Resolves once it listens.
 */
export const startSimulator = async (opts: SimOptions = {}): Promise<SimHandle> => {
  const input = [...(opts.objects ?? []).map(toObject), ...(opts.dir ? loadManifestDir(opts.dir).objects.map((o) => o.obj) : [])];
  const store = buildStore(input);
  const certs = simCerts();
  const useTls = opts.tls !== false;
  const token = opts.auth?.tokens?.[0] ?? `tower-sim-${randomBytes(18).toString("hex")}`;
  const state: SimState = {
    auth: { ...opts.auth, tokens: opts.auth?.tokens?.length ? [...opts.auth.tokens] : [token] },
    forbidden: [...(opts.forbidden ?? [])],
    failures: (opts.failures ?? []).map((f) => ({ ...f })),
    latencyMs: opts.latencyMs ?? 0,
    pageSizeMax: opts.pageSizeMax,
    expireContinue: opts.expireContinue ? { ...opts.expireContinue } : undefined,
    serverVersion: opts.serverVersion ?? DEFAULT_SERVER_VERSION,
    address: "127.0.0.1:0",
  };
  const log: SimRequestLog[] = [];
  const handler = createHandler({ store, state, log });
  const server = useTls
    ? https.createServer({ key: certs.serverKey, cert: certs.serverCert, ca: [opts.auth?.clientCA ?? certs.caCert], requestCert: true, rejectUnauthorized: false }, handler)
    : http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  state.address = `127.0.0.1:${port}`;
  const url = `${useTls ? "https" : "http"}://127.0.0.1:${port}`;
  const contextName = opts.contextName ?? "tower-sim";
  const kubeconfigFor = (v: KubeconfigVariant) =>
    buildKubeconfig({
      server: url,
      caPem: useTls ? (v.wrongCa ? certs.wrongCaCert : certs.caCert) : undefined,
      contextName: v.contextName ?? contextName,
      namespace: v.namespace,
      user: v.clientCert ? { clientCertPem: certs.clientCert, clientKeyPem: certs.clientKey } : { token: v.token ?? token },
    });
  return {
    url,
    port,
    caPem: certs.caCert,
    token,
    kubeconfig: kubeconfigFor({}),
    kubeconfigFor,
    requests: log,
    objectCount: store.resources.reduce((n, r) => n + store.objectsOf(r).length, 0),
    update: (patch) => {
      if (patch.failures) state.failures = patch.failures.map((f) => ({ ...f }));
      if (patch.forbidden) state.forbidden = [...patch.forbidden];
      if (patch.expireContinue) state.expireContinue = { ...patch.expireContinue };
      if (patch.latencyMs !== undefined) state.latencyMs = patch.latencyMs;
      if (patch.pageSizeMax !== undefined) state.pageSizeMax = patch.pageSizeMax;
      if (patch.auth) state.auth = { ...state.auth, ...patch.auth };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
