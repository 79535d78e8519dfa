// GET /api/v1/system/health — workers' heartbeats and queue depth
import { withApi } from "@/lib/http/with-api";
import { getSystemHealth } from "@/lib/services/system/get-system-health";

export const GET = withApi({ permission: "system.read", handler: async ({ ctx }) => getSystemHealth({ ctx }) });
