// GET /api/v1/clusters/reader-manifest?secrets=1 — the minimal read-only RBAC manifest to apply in a cluster
import { z } from "zod";
import { readerManifest } from "@/lib/clusters/reader-manifest";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi({
  permission: "clusters.read",
  schemas: { query: z.object({ secrets: z.enum(["0", "1"]).default("0"), namespace: z.string().regex(/^[a-z0-9-]{1,63}$/).optional() }) },
  handler: async ({ query }) =>
    new Response(readerManifest({ includeSecrets: query.secrets === "1", namespace: query.namespace }), {
      headers: { "content-type": "application/yaml; charset=utf-8", "content-disposition": 'attachment; filename="tower-reader.yaml"' },
    }),
});
