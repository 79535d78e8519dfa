// GET|POST /api/v1/audit-allowlist — principals whose activity detections ignore; add one (analyst+)
import { withApi } from "@/lib/http/with-api";
import { createAllowListEntry, ZCreateAllowListEntry } from "@/lib/services/allowlist/create-allowlist-entry";
import { listAllowListEntries } from "@/lib/services/allowlist/list-allowlist-entries";

export const GET = withApi({ permission: "investigations.read", handler: async ({ ctx }) => listAllowListEntries({ ctx }) });
export const POST = withApi({ permission: "investigations.write", schemas: { body: ZCreateAllowListEntry }, handler: async ({ ctx, body }) => createAllowListEntry({ ctx, input: body }) });
