export type ClusterAccessReason = "unreachable" | "tls" | "unauthorized" | "forbidden" | "timeout" | "config" | "server";

/** A failure to read a cluster at all, with a stable `reason` code for callers and a message for people. */
export class ClusterAccessError extends Error {
  readonly reason: ClusterAccessReason;
  readonly status?: number;
  constructor(reason: ClusterAccessReason, message: string, opts: { status?: number; cause?: unknown } = {}) {
    super(message, opts.cause ? { cause: opts.cause } : undefined);
    this.name = "ClusterAccessError";
    this.reason = reason;
    this.status = opts.status;
  }
}

/** An HTTP answer from the API server that is not a success: the code and the Status message, if any. */
export class ApiStatusError extends Error {
  constructor(readonly status: number, message: string, readonly reasonText?: string, readonly retryAfterMs?: number) {
    super(message);
    this.name = "ApiStatusError";
  }
}

const TLS_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "SELF_SIGNED_CERT_IN_CHAIN", "DEPTH_ZERO_SELF_SIGNED_CERT", "CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "UNABLE_TO_GET_ISSUER_CERT", "CERT_SIGNATURE_FAILURE", "CERT_UNTRUSTED",
  "ERR_SSL_WRONG_VERSION_NUMBER", "EPROTO", "ERR_TLS_HANDSHAKE_TIMEOUT",
]);
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

/** Walks `cause` links and returns the first error code found; requests are only aborted by their timeout. */
const codeOf = (err: unknown): string | undefined => {
  for (let e = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === "ABORT_ERR") return "ETIMEDOUT";
    if (typeof code === "string") return code;
    if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError")) return "ETIMEDOUT";
  }
  return undefined;
};

const messageOf = (err: unknown): string => {
  const parts: string[] = [];
  for (let e = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) if (e instanceof Error && e.message) parts.push(e.message);
  return parts.join(": ") || String(err);
};

/** Maps a transport failure (no HTTP answer) to a ClusterAccessError. */
export const transportError = (err: unknown, server: string, timeoutMs: number): ClusterAccessError => {
  if (err instanceof ClusterAccessError) return err;
  const code = codeOf(err);
  const detail = messageOf(err);
  if (code && (TLS_CODES.has(code) || code.startsWith("ERR_SSL") || code.startsWith("ERR_TLS")) || /certificate|self[- ]signed|TLS|SSL/i.test(detail)) {
    return new ClusterAccessError("tls", `TLS verification of ${server} failed (${code ?? "tls"}): the server certificate is not signed by the CA in the kubeconfig, or the address does not match it`, { cause: err });
  }
  if (code && TIMEOUT_CODES.has(code)) return new ClusterAccessError("timeout", `${server} did not answer within ${timeoutMs} ms`, { cause: err });
  if (code && UNREACHABLE_CODES.has(code)) return new ClusterAccessError("unreachable", `cannot reach the Kubernetes API at ${server} (${code})`, { cause: err });
  return new ClusterAccessError("unreachable", `cannot reach the Kubernetes API at ${server}: ${detail}`, { cause: err });
};

/** Maps a fatal HTTP status (the whole collection stops) to a ClusterAccessError. */
export const fatalStatusError = (err: ApiStatusError, server: string): ClusterAccessError => {
  if (err.status === 401) {
    return new ClusterAccessError("unauthorized", `the Kubernetes API at ${server} rejected the credentials (401 Unauthorized): the token or certificate is invalid or expired`, { status: 401, cause: err });
  }
  if (err.status === 403) return new ClusterAccessError("forbidden", `the credentials may not read ${server}: ${err.message}`, { status: 403, cause: err });
  return new ClusterAccessError("server", `the Kubernetes API at ${server} answered ${err.status}: ${err.message}`, { status: err.status, cause: err });
};

/** Errors worth another attempt: overload, server faults, timeouts and dropped connections. */
export const isRetryable = (err: unknown): boolean => {
  if (err instanceof ApiStatusError) return err.status === 429 || err.status >= 500;
  if (err instanceof ClusterAccessError) return err.reason === "timeout" || (err.reason === "unreachable" && /ECONNRESET|UND_ERR_SOCKET|UND_ERR_CLOSED|EPIPE/.test(err.message));
  return false;
};
