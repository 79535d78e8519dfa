import { createHash } from "node:crypto";
import type { K8sObject } from "../scanner/types";
import { fieldMatcher, labelMatcher } from "./selectors";
import type { SimStore, StoredObject } from "./store";
import type { SimResource } from "./resources";
import { expired, notFound, statusError } from "./status";

export type ListQuery = { namespace?: string; limit: number | undefined; continueToken: string | null; labelSelector: string | null; fieldSelector: string | null };

export type ListPage = { items: K8sObject[]; metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number } };

type Token = { v: 1; rv: string; off: number; q: string };

const queryKey = (res: SimResource, q: ListQuery) =>
  createHash("sha256").update(JSON.stringify([res.group, res.resource, q.namespace ?? "", q.labelSelector ?? "", q.fieldSelector ?? ""])).digest("hex").slice(0, 16);

/** Continue tokens are opaque to clients; they bind the offset to the list's resourceVersion and query. */
const encodeToken = (t: Token) => Buffer.from(JSON.stringify(t)).toString("base64url");

const decodeToken = (raw: string): Token => {
  try {
    const t = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Token;
    if (t.v === 1 && typeof t.off === "number" && typeof t.rv === "string" && typeof t.q === "string") return t;
  } catch {
    // fall through to the error below
  }
  throw statusError(400, "continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
};

/** One page of a list, with the server's cap on page size applied on top of the client's limit. */
export const listPage = (store: SimStore, res: SimResource, version: string, q: ListQuery, o: { pageSizeMax?: number; expire: () => boolean }): ListPage => {
  const labels = labelMatcher(q.labelSelector);
  const fields = fieldMatcher(q.fieldSelector, res.kind);
  const all = store.objectsOf(res).filter((s) => (!q.namespace || s.obj.metadata?.namespace === q.namespace) && labels(s.obj) && fields(s.obj));
  const key = queryKey(res, q);
  let offset = 0;
  if (q.continueToken) {
    const token = decodeToken(q.continueToken);
    if (token.q !== key) throw statusError(400, "continue key is not valid: the query changed between pages");
    if (o.expire() || token.rv !== store.resourceVersion) throw expired();
    offset = token.off;
  }
  const caps = [q.limit, o.pageSizeMax].filter((n): n is number => typeof n === "number" && n > 0);
  const size = caps.length ? Math.min(...caps) : all.length;
  const page = all.slice(offset, offset + size);
  const end = offset + page.length;
  const more = end < all.length;
  return {
    items: page.map((s) => present(store, s, version, res)),
    metadata: {
      resourceVersion: store.resourceVersion,
      ...(more ? { continue: encodeToken({ v: 1, rv: store.resourceVersion, off: end, q: key }), remainingItemCount: all.length - end } : {}),
    },
  };
};

/** List items of built-in types carry no apiVersion/kind on the wire; clients must fill them in from the list. */
const present = (store: SimStore, s: StoredObject, version: string, res: SimResource): K8sObject => {
  const obj = store.present(s, version);
  if (!res.builtin) return obj;
  const { apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
};

export const getObject = (store: SimStore, res: SimResource, version: string, namespace: string | undefined, name: string): K8sObject => {
  const found = store.objectsOf(res).find((s) => s.obj.metadata?.name === name && (s.obj.metadata?.namespace ?? undefined) === namespace);
  if (!found) throw notFound(res.resource, name, res.group);
  return store.present(found, version);
};

export const metadataOnly = (obj: K8sObject): K8sObject => ({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: obj.metadata ?? {} });
