import { describeObject } from "../../../pod-spec";
import type { K8sObject, Violation } from "../../../types";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);
const ANYWHERE = new Set(["0.0.0.0/0", "::/0"]);

/** Shared by the allow-all ingress/egress rules: `[{}]`-style rules, or an any-address ipBlock with no port restriction. */
export const allowAllCheck = (obj: K8sObject, direction: "ingress" | "egress"): Violation[] => {
  const spec = isRecord(obj.spec) ? obj.spec : {};
  const types = Array.isArray(spec.policyTypes) ? spec.policyTypes : undefined;
  if (types && !types.includes(direction === "ingress" ? "Ingress" : "Egress")) return [];
  const rules = spec[direction];
  if (!Array.isArray(rules)) return [];
  const peerKey = direction === "ingress" ? "from" : "to";
  const out: Violation[] = [];
  rules.forEach((rule, i) => {
    if (!isRecord(rule) || !isEmpty(rule.ports)) return;
    const peers = rule[peerKey];
    if (isEmpty(peers)) {
      out.push({ path: `spec.${direction}[${i}]`, value: rule, message: `${describeObject(obj)} spec.${direction}[${i}] has no '${peerKey}' and no 'ports': it allows all ${direction} traffic` });
      return;
    }
    if (!Array.isArray(peers)) return;
    peers.forEach((peer: unknown, j: number) => {
      const block = isRecord(peer) && isRecord(peer.ipBlock) ? peer.ipBlock : undefined;
      if (!block || !ANYWHERE.has(String(block.cidr)) || !isEmpty(block.except)) return;
      out.push({
        path: `spec.${direction}[${i}].${peerKey}[${j}].ipBlock.cidr`,
        value: block.cidr,
        message: `${describeObject(obj)} spec.${direction}[${i}].${peerKey}[${j}] allows ipBlock ${String(block.cidr)} on all ports`,
      });
    });
  });
  return out;
};
