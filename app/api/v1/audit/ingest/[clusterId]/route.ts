// POST /api/v1/audit/ingest/:clusterId — kube-apiserver audit webhook backend (EventList batches); bearer token per cluster
import { z } from "zod";
import { withApi } from "@/lib/http/with-api";
import { ingestWebhookBatch } from "@/lib/services/audit-ingest/ingest-webhook-batch";

const ZParams = z.object({ clusterId: z.string().min(1).max(64) });

// The API server is not a browser and has no session: the cluster's own token authenticates it.
export const POST = withApi({ auth: false, schemas: { params: ZParams }, handler: async ({ req, params }) => ingestWebhookBatch({ clusterId: params.clusterId, req }) });
