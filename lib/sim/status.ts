/** A metav1 Status failure body, as the API server sends with every error. */
export type SimStatus = {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, unknown>;
  status: "Failure";
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string; retryAfterSeconds?: number };
  code: number;
};

export class StatusError extends Error {
  constructor(readonly status: SimStatus, readonly headers: Record<string, string> = {}) {
    super(status.message);
  }
}

const REASONS: Record<number, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  406: "NotAcceptable",
  409: "AlreadyExists",
  410: "Expired",
  415: "UnsupportedMediaType",
  429: "TooManyRequests",
  500: "InternalError",
  503: "ServiceUnavailable",
  504: "Timeout",
};

export const reasonFor = (code: number): string => REASONS[code] ?? (code >= 500 ? "InternalError" : "BadRequest");

export const statusError = (code: number, message: string, details?: SimStatus["details"], reason = reasonFor(code)): StatusError =>
  new StatusError({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, ...(details ? { details } : {}), code });

export const notFound = (resource: string, name: string, group: string) =>
  statusError(404, `${group ? `${resource}.${group}` : resource} "${name}" not found`, { name, group, kind: resource });

export const routeNotFound = () => statusError(404, "the server could not find the requested resource", {});

export const unauthorized = () => statusError(401, "Unauthorized");

export const expired = () =>
  statusError(
    410,
    "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.",
  );

/** The exact shape of the RBAC denial message, so that clients and people read it as they would from a cluster. */
export const forbidden = (o: { user: string; verb: string; resource: string; group: string; namespace?: string; name?: string }) => {
  const target = o.name ? `${o.group ? `${o.resource}.${o.group}` : o.resource} "${o.name}"` : o.group ? `${o.resource}.${o.group}` : o.resource;
  const scope = o.namespace ? `in the namespace "${o.namespace}"` : "at the cluster scope";
  return statusError(403, `${target} is forbidden: User "${o.user}" cannot ${o.verb} resource "${o.resource}" in API group "${o.group}" ${scope}`, {
    ...(o.name ? { name: o.name } : {}), group: o.group, kind: o.resource,
  });
};
