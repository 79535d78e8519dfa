import crypto from "node:crypto";
import type { K8sObject } from "@/lib/scanner/types";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/**
 * The body Tower stores for an object: never a Secret's values (data, stringData, and the
 * last-applied annotation, which repeats them in clear), and without managedFields (noise).
 */
export const storableBody = (obj: K8sObject): K8sObject => {
  const metadata = { ...(obj.metadata ?? {}) };
  delete metadata.managedFields;
  if (obj.kind === "Secret") {
    if (metadata.annotations?.[LAST_APPLIED]) metadata.annotations = { ...metadata.annotations, [LAST_APPLIED]: "[removed: may contain secret values]" };
    const { data: _d, stringData: _s, ...rest } = obj as K8sObject & { data?: unknown; stringData?: unknown };
    const keys = [...Object.keys((_d as object) ?? {}), ...Object.keys((_s as object) ?? {})];
    return { ...rest, metadata, ...(keys.length ? { dataKeys: keys } : {}) };
  }
  return { ...obj, metadata };
};

export const hashBody = (body: K8sObject) => crypto.createHash("sha256").update(JSON.stringify(body)).digest("hex");

export const objectKey = (o: { kind?: string; metadata?: { namespace?: string; name?: string } }) => `${o.kind ?? ""}\u0000${o.metadata?.namespace ?? ""}\u0000${o.metadata?.name ?? ""}`;
