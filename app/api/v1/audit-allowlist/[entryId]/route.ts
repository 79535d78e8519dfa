// DELETE /api/v1/audit-allowlist/:entryId — remove an allow-list entry (analyst+)
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { deleteAllowListEntry } from "@/lib/services/allowlist/delete-allowlist-entry";

export const DELETE = withApi({ permission: "investigations.write", schemas: { params: z.object({ entryId: z.string().min(1).max(64) }) }, handler: async ({ ctx, params }) => deleteAllowListEntry({ ctx, entryId: params.entryId }) });
