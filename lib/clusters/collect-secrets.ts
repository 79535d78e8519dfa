import { redact } from "../scanner/redact";
import type { K8sObject } from "../scanner/types";
import { listAll } from "./collect-list";
import type { ApiResource } from "./discovery";
import { ApiStatusError } from "./k8s-errors";
import type { Transport } from "./transport";

/** Secret types read one by one through the `type` field selector, so the type is known without reading a value. */
export const SECRET_TYPES = [
  "Opaque",
  "kubernetes.io/service-account-token",
  "kubernetes.io/dockerconfigjson",
  "kubernetes.io/dockercfg",
  "kubernetes.io/tls",
  "kubernetes.io/basic-auth",
  "kubernetes.io/ssh-auth",
  "bootstrap.kubernetes.io/token",
  "helm.sh/release.v1",
] as const;

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/**
 * What Tower keeps of any collected object: no managedFields; for Secrets only metadata and type, and the
 * last-applied annotation (a full copy of the data) replaced by a redaction marker.
 */
export const sanitizeCollected = (obj: K8sObject): K8sObject => {
  const { managedFields: _m, ...metadata } = obj.metadata ?? {};
  if (obj.kind !== "Secret") return obj.metadata ? { ...obj, metadata } : obj;
  const annotations = metadata.annotations ? { ...metadata.annotations } : undefined;
  if (annotations?.[LAST_APPLIED] !== undefined) annotations[LAST_APPLIED] = redact(annotations[LAST_APPLIED]);
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    metadata: { ...metadata, ...(annotations ? { annotations } : {}) },
    ...(typeof obj.type === "string" ? { type: obj.type } : {}),
  };
};

/**
 * Lists Secrets as PartialObjectMetadata only, one query per known type plus one for the rest, so that
 * values never cross the wire. Falls back to a single untyped query when the server rejects the selector.
 */
export const listSecretMetadata = async (t: Transport, r: ApiResource, o: { pageSize: number; onPage?: (n: number) => void }): Promise<K8sObject[]> => {
  const out: K8sObject[] = [];
  const run = (fieldSelector?: string) => listAll(t, r, { pageSize: o.pageSize, metadataOnly: true, fieldSelector, onPage: (n) => o.onPage?.(out.length + n) });
  try {
    for (const type of SECRET_TYPES) out.push(...(await run(`type=${type}`)).map((s) => ({ ...s, type })));
    out.push(...(await run(SECRET_TYPES.map((type) => `type!=${type}`).join(","))));
  } catch (err) {
    if (!(err instanceof ApiStatusError) || err.status !== 400) throw err;
    out.length = 0;
    out.push(...(await run()));
  }
  return out;
};
