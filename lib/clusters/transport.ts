import "./node-compat";
import http from "node:http";
import https from "node:https";
import type { KubeConfig } from "@kubernetes/client-node";
import { ApiStatusError, ClusterAccessError, isRetryable, transportError } from "./k8s-errors";

export type GetOptions = { accept?: string; query?: Record<string, string | number | undefined> };

/** GET against the API server with the kubeconfig's TLS and credentials, a timeout and bounded retries. */
export type Transport = { server: string; get<T>(path: string, opts?: GetOptions): Promise<T> };

export type TransportOptions = {
  timeoutMs: number;
  /** Extra attempts after the first for 429, 5xx, timeouts and dropped connections. */
  retries: number;
  backoffMs: number;
  sleep?: (ms: number) => Promise<void>;
};

const RETRY_AFTER_CAP_MS = 10_000;
const MAX_BODY_BYTES = 256 * 1024 * 1024;

const statusFrom = (code: number, text: string, retryAfter: string | undefined): ApiStatusError => {
  let message = text.slice(0, 500) || `HTTP ${code}`;
  let reason: string | undefined;
  try {
    const body = JSON.parse(text) as { kind?: string; message?: string; reason?: string };
    if (body.kind === "Status") [message, reason] = [body.message ?? message, body.reason];
  } catch {
    // not a Status body: keep the start of the text
  }
  const seconds = retryAfter ? Number(retryAfter) : NaN;
  return new ApiStatusError(code, message, reason, Number.isFinite(seconds) ? Math.min(seconds * 1000, RETRY_AFTER_CAP_MS) : undefined);
};

type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; text: string };

const request = (url: URL, options: https.RequestOptions, timeoutMs: number): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const lib = url.protocol === "http:" ? http : https;
    const req = lib.request(url, { ...options, method: "GET", signal: AbortSignal.timeout(timeoutMs) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY_BYTES) req.destroy(new Error(`response larger than ${MAX_BODY_BYTES} bytes`));
        else chunks.push(c);
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });

/**
 * Requests carry client-node's TLS and credentials (KubeConfig.applyToHTTPSOptions: CA, client certificate,
 * bearer token, proxy agent), sent with node:https rather than client-node's fetch, because its undici 8
 * needs Node 22 at runtime. The Accept header (Table, PartialObjectMetadataList) and retries stay ours.
 */
export const createTransport = (kc: KubeConfig, opts: TransportOptions): Transport & { close(): void } => {
  const server = kc.getCurrentCluster()?.server.replace(/\/+$/, "") ?? "";
  const sleep = opts.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const agents = new Set<{ destroy?: () => void }>();
  let keepAlive: https.Agent | undefined;
  const proxied = !!kc.getCurrentCluster()?.proxyUrl;

  const once = async <T>(path: string, o: GetOptions): Promise<T> => {
    const url = new URL(server + path);
    for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined && v !== "") url.searchParams.set(k, String(v));
    const options: https.RequestOptions = { headers: { Accept: o.accept ?? "application/json", "User-Agent": "tower-collector/1" } };
    try {
      await kc.applyToHTTPSOptions(options);
    } catch (err) {
      throw new ClusterAccessError("config", `the kubeconfig's credentials cannot be applied: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    if (options.agent) agents.add(options.agent as { destroy?: () => void });
    if (!proxied && url.protocol === "https:") {
      // client-node's agent does not keep connections alive; the same TLS material in a keep-alive agent saves a handshake per page.
      const { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername } = options;
      keepAlive ??= new https.Agent({ keepAlive: true, maxSockets: 8, ca, cert, key, pfx, passphrase, servername, ...(rejectUnauthorized === false ? { rejectUnauthorized } : {}) });
      agents.add(keepAlive);
      options.agent = keepAlive;
    }
    let res: RawResponse;
    try {
      res = await request(url, options, opts.timeoutMs);
    } catch (err) {
      throw transportError(err, server, opts.timeoutMs);
    }
    if (res.status < 200 || res.status >= 300) {
      const retryAfter = res.headers["retry-after"];
      throw statusFrom(res.status, res.text, Array.isArray(retryAfter) ? retryAfter[0] : retryAfter);
    }
    try {
      return JSON.parse(res.text) as T;
    } catch {
      throw new ApiStatusError(502, `the answer to ${path} is not JSON`);
    }
  };

  return {
    server,
    close: () => {
      for (const a of agents) a.destroy?.();
      agents.clear();
    },
    get: async <T>(path: string, o: GetOptions = {}): Promise<T> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await once<T>(path, o);
        } catch (err) {
          if (attempt >= opts.retries || !isRetryable(err)) throw err;
          const hinted = err instanceof ApiStatusError ? err.retryAfterMs : undefined;
          await sleep(hinted ?? opts.backoffMs * 2 ** attempt);
        }
      }
    },
  };
};
