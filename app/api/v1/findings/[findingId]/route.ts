// GET /api/v1/findings/:findingId — one finding with explanation, evidence and the object's YAML
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { getFinding } from "@/lib/services/findings/get-finding";

export const GET = withApi({ permission: "findings.read", schemas: { params: z.object({ findingId: z.string().min(1).max(64) }) }, handler: async ({ ctx, params }) => getFinding({ ctx, findingId: params.findingId }) });
