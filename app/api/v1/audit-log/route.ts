// GET /api/v1/audit-log — Tower's own audit trail for the organization (admin)
import { withApi } from "@/lib/http/with-api";
import { listAuditLog, ZListAuditLog } from "@/lib/services/audit/list-audit-log";

export const GET = withApi({ permission: "audit.read", schemas: { query: ZListAuditLog }, handler: async ({ ctx, query }) => listAuditLog({ ctx, input: query }) });
