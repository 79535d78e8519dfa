import type { K8sObject } from "../scanner/types";
import type { ApiResource } from "./discovery";
import { ApiStatusError } from "./k8s-errors";
import type { Transport } from "./transport";

export const METADATA_ACCEPT = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1beta1";

/** A list restarts from scratch this many times when its continue token expires (410), then gives up. */
const MAX_RESTARTS = 3;
/** Hard stop for a server that keeps returning continue tokens. */
const MAX_PAGES = 10_000;

type ListBody = { kind?: string; apiVersion?: string; metadata?: { continue?: string; resourceVersion?: string }; items?: K8sObject[] };

export const listPath = (r: Pick<ApiResource, "group" | "version" | "resource">) => (r.group ? `/apis/${r.group}/${r.version}/${r.resource}` : `/api/${r.version}/${r.resource}`);

/**
 * Lists every object of a resource across namespaces in pages of `pageSize`. Items get the apiVersion and
 * kind the server leaves out of list items. A 410 Expired continue restarts the list from the beginning.
 */
export const listAll = async (t: Transport, r: ApiResource, o: { pageSize: number; metadataOnly?: boolean; fieldSelector?: string; onPage?: (n: number) => void }): Promise<K8sObject[]> => {
  const apiVersion = r.group ? `${r.group}/${r.version}` : r.version;
  for (let restart = 0; ; restart++) {
    const items: K8sObject[] = [];
    let token: string | undefined;
    try {
      for (let page = 0; page < MAX_PAGES; page++) {
        const body = await t.get<ListBody>(listPath(r), {
          accept: o.metadataOnly ? METADATA_ACCEPT : "application/json",
          query: { limit: o.pageSize, continue: token, fieldSelector: o.fieldSelector },
        });
        if (o.metadataOnly && body.kind !== "PartialObjectMetadataList") {
          throw new ApiStatusError(406, `the server did not return metadata only for ${r.resource} (got ${body.kind ?? "unknown"}); refusing to read values`);
        }
        for (const item of body.items ?? []) items.push({ ...item, apiVersion, kind: r.kind });
        o.onPage?.(items.length);
        token = body.metadata?.continue || undefined;
        if (!token) return items;
      }
      throw new ApiStatusError(500, `listing ${r.resource} did not end after ${MAX_PAGES} pages`);
    } catch (err) {
      const isExpired = err instanceof ApiStatusError && err.status === 410;
      if (!isExpired || restart >= MAX_RESTARTS) throw err;
    }
  }
};
