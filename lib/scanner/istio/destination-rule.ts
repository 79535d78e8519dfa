import type { K8sObject } from "../types";
import { recordList, specOf } from "./mesh";
import { isRecord } from "./selectors";

/** One TLS settings block of a DestinationRule, with its path and where it applies. */
export type TlsBlock = { tls: Record<string, unknown>; path: string; portLevel: boolean; where: string };

const portLabel = (p: Record<string, unknown>): string => {
  const port = isRecord(p.port) ? p.port.number : undefined;
  return port === undefined ? "?" : String(port);
};

/** Every tls block: top level, each port-level setting, and the same inside each subset's trafficPolicy. */
export const tlsBlocks = (dr: K8sObject): TlsBlock[] => {
  const out: TlsBlock[] = [];
  const fromPolicy = (policy: unknown, base: string, where: string) => {
    if (!isRecord(policy)) return;
    if (isRecord(policy.tls)) out.push({ tls: policy.tls, path: `${base}.tls`, portLevel: false, where });
    recordList(policy.portLevelSettings).forEach((p, i) => {
      if (isRecord(p.tls)) out.push({ tls: p.tls, path: `${base}.portLevelSettings[${i}].tls`, portLevel: true, where: `${where} port ${portLabel(p)}` });
    });
  };
  const spec = specOf(dr);
  fromPolicy(spec.trafficPolicy, "spec.trafficPolicy", "");
  recordList(spec.subsets).forEach((s, i) => fromPolicy(s.trafficPolicy, `spec.subsets[${i}].trafficPolicy`, `subset '${String(s.name ?? i)}'`));
  return out;
};

export const tlsMode = (tls: Record<string, unknown>): string => (typeof tls.mode === "string" ? tls.mode.toUpperCase() : "");

export const describeDr = (dr: K8sObject): string => `DestinationRule '${dr.metadata?.name ?? "?"}' (host '${String(specOf(dr).host ?? "?")}')`;
