import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { SimStore } from "./store";
import { REVIEW_RESOURCES } from "./resources";
import { forbidden, statusError, unauthorized } from "./status";
import type { ForbiddenRule, SimOptions } from "./types";

export type SimUser = { name: string; groups: string[] };

/** Paths the default `system:public-info-viewer` role opens to anyone. */
const PUBLIC_PATHS = /^\/(version|healthz|livez|readyz)(\/|$)/;
const DEFAULT_USER = "tower-sim";

/** Bearer token first, then a verified client certificate; invalid credentials are 401 everywhere. */
export const authenticate = (req: IncomingMessage, path: string, auth: NonNullable<SimOptions["auth"]>): SimUser | undefined => {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const token = m?.[1];
    if (!token || auth.expiredTokens?.includes(token) || !auth.tokens?.includes(token)) throw unauthorized();
    return { name: auth.users?.[token] ?? DEFAULT_USER, groups: ["system:authenticated"] };
  }
  const socket = req.socket as TLSSocket;
  if (typeof socket.getPeerCertificate === "function") {
    const cert = socket.getPeerCertificate();
    if (cert && Object.keys(cert).length > 0) {
      if (!socket.authorized) throw unauthorized();
      const subject = cert.subject as unknown as Record<string, string | string[]>;
      const org = subject.O;
      return { name: String(subject.CN), groups: [...(Array.isArray(org) ? org : org ? [org] : []), "system:authenticated"] };
    }
  }
  if (PUBLIC_PATHS.test(path)) return undefined;
  throw unauthorized();
};

const ruleMatches = (r: ForbiddenRule, a: { group: string; resource: string; verb: string; namespace?: string }) =>
  (r.group === "*" || r.group === a.group) &&
  (r.resource === "*" || r.resource === a.resource) &&
  (!r.verb || r.verb === "*" || r.verb === a.verb) &&
  (!r.namespace || r.namespace === a.namespace);

export const isForbidden = (rules: readonly ForbiddenRule[] | undefined, a: { group: string; resource: string; verb: string; namespace?: string }) =>
  (rules ?? []).some((r) => ruleMatches(r, a));

export const authorize = (rules: readonly ForbiddenRule[] | undefined, user: SimUser | undefined, a: { group: string; resource: string; verb: string; namespace?: string; name?: string }) => {
  if (isForbidden(rules, a)) throw forbidden({ user: user?.name ?? "system:anonymous", ...a });
};

const READ_VERBS = ["get", "list", "watch"];

type Body = { spec?: { namespace?: string; resourceAttributes?: { group?: string; resource?: string; verb?: string; namespace?: string; name?: string }; nonResourceAttributes?: unknown } };

/** Answers SelfSubjectAccessReview and SelfSubjectRulesReview from the forbidden list: everything readable except it. */
export const review = (kind: "selfsubjectaccessreviews" | "selfsubjectrulesreviews", body: unknown, store: SimStore, rules: readonly ForbiddenRule[] | undefined) => {
  const b = (body ?? {}) as Body;
  if (typeof body !== "object" || body === null || !b.spec) throw statusError(400, `${kind} in version "v1" cannot be handled: spec is required`);
  if (kind === "selfsubjectaccessreviews") {
    const ra = b.spec.resourceAttributes;
    if (!ra) return { kind: "SelfSubjectAccessReview", apiVersion: "authorization.k8s.io/v1", metadata: {}, spec: b.spec, status: { allowed: true } };
    const verb = ra.verb ?? "get";
    const attrs = { group: ra.group ?? "", resource: ra.resource ?? "", verb, namespace: ra.namespace };
    const allowed = READ_VERBS.includes(verb) && !isForbidden(rules, attrs);
    return {
      kind: "SelfSubjectAccessReview", apiVersion: "authorization.k8s.io/v1", metadata: {}, spec: b.spec,
      status: allowed ? { allowed: true, reason: "tower-sim: read access" } : { allowed: false, reason: READ_VERBS.includes(verb) ? "tower-sim: forbidden by configuration" : "tower-sim: the simulator is read-only" },
    };
  }
  const namespace = b.spec.namespace;
  const resourceRules = store.resources
    .filter((r) => !REVIEW_RESOURCES.has(r.resource))
    .map((r) => ({ r, verbs: READ_VERBS.filter((verb) => !isForbidden(rules, { group: r.group, resource: r.resource, verb, namespace })) }))
    .filter((x) => x.verbs.length > 0)
    .map(({ r, verbs }) => ({ verbs, apiGroups: [r.group], resources: [r.resource] }));
  resourceRules.push({ verbs: ["create"], apiGroups: ["authorization.k8s.io"], resources: [...REVIEW_RESOURCES] });
  return {
    kind: "SelfSubjectRulesReview", apiVersion: "authorization.k8s.io/v1", metadata: {}, spec: b.spec,
    status: {
      resourceRules,
      nonResourceRules: [{ verbs: ["get"], nonResourceURLs: ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/readyz", "/version", "/version/"] }],
      incomplete: false,
    },
  };
};
