import type { Task } from "graphile-worker";
import { z } from "zod";
import { runClusterScan } from "@/lib/services/scans/run-cluster-scan";

export const ZClusterScanPayload = z.object({ clusterId: z.string().min(1), scanId: z.string().min(1).optional() });

export const clusterScan: Task = async (payload, helpers) => {
  const input = ZClusterScanPayload.parse(payload);
  const result = await runClusterScan(input);
  helpers.logger.info(`cluster.scan ${input.clusterId}: ${JSON.stringify(result)}`);
};
