import crypto from "node:crypto";
import type { Finding } from "@/lib/scanner/types";

/** Stable identity of a finding across scans: cluster + rule + object identity + evidence path. */
export const fingerprintOf = (clusterId: string, f: Pick<Finding, "ruleId" | "resource" | "evidence">) =>
  crypto
    .createHash("sha256")
    .update([clusterId, f.ruleId, f.resource.kind, f.resource.namespace ?? "", f.resource.name, f.evidence[0]?.path ?? ""].join("\u0000"))
    .digest("hex");
