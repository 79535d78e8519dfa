import type { K8sObject } from "../types";
import { recordList, specOf, stringList } from "./mesh";
import { isRecord } from "./selectors";

export type GatewayServer = { server: Record<string, unknown>; index: number; path: string; protocol: string; port?: number; tls?: Record<string, unknown>; hosts: string[] };

export const gatewayServers = (gw: K8sObject): GatewayServer[] =>
  recordList(specOf(gw).servers).map((server, index) => {
    const port = isRecord(server.port) ? server.port : {};
    return {
      server,
      index,
      path: `spec.servers[${index}]`,
      protocol: typeof port.protocol === "string" ? port.protocol.toUpperCase() : "",
      port: typeof port.number === "number" ? port.number : undefined,
      tls: isRecord(server.tls) ? server.tls : undefined,
      hosts: stringList(server.hosts),
    };
  });

/** credentialName plus the newer credentialNames list, with their paths. */
export const credentialRefs = (s: GatewayServer): Array<{ name: string; path: string }> => {
  if (!s.tls) return [];
  const out = typeof s.tls.credentialName === "string" && s.tls.credentialName ? [{ name: s.tls.credentialName, path: `${s.path}.tls.credentialName` }] : [];
  stringList(s.tls.credentialNames).forEach((name, i) => out.push({ name, path: `${s.path}.tls.credentialNames[${i}]` }));
  return out;
};

export const describeGateway = (gw: K8sObject): string => `Gateway '${gw.metadata?.name ?? "?"}'`;
