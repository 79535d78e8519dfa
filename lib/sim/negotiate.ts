import { statusError } from "./status";

export type Representation = { as: "object" } | { as: "table"; apiVersion: string } | { as: "metadata" };

const parseAccept = (accept: string) =>
  accept.split(",").map((part) => {
    const [type, ...params] = part.split(";").map((s) => s.trim());
    const p: Record<string, string> = {};
    for (const kv of params) {
      const i = kv.indexOf("=");
      if (i > 0) p[kv.slice(0, i).trim()] = kv.slice(i + 1).trim();
    }
    return { type: type.toLowerCase(), p };
  });

const isJson = (type: string) => type === "application/json" || type === "*/*" || type === "application/*";

/**
 * Content negotiation as the API server does it: the first acceptable entry wins, entries the server
 * cannot produce (protobuf, aggregated discovery) are skipped, and nothing acceptable is a 406.
 */
export const negotiate = (accept: string | undefined, allowed: { table: boolean; metadata: boolean }): Representation => {
  if (!accept) return { as: "object" };
  for (const { type, p } of parseAccept(accept)) {
    if (!isJson(type)) continue;
    if (!p.as) return { as: "object" };
    const metaGroup = p.g === "meta.k8s.io" && (p.v === "v1" || p.v === "v1beta1");
    if (allowed.table && p.as === "Table" && metaGroup) return { as: "table", apiVersion: `meta.k8s.io/${p.v}` };
    if (allowed.metadata && (p.as === "PartialObjectMetadataList" || p.as === "PartialObjectMetadata") && metaGroup) return { as: "metadata" };
  }
  throw statusError(406, `only the following media types are accepted: application/json, application/json;as=Table;v=v1;g=meta.k8s.io, application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io`);
};
