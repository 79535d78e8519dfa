import { CAPABILITIES, evaluate, type Capability } from "./capabilities";
import { adminReason } from "./hits";
import type { Grant } from "./model";

/** Abilities that amount to taking over the cluster when held cluster-wide (or in kube-system). */
const CLUSTER_WIDE: Array<[string, Capability]> = [
  ["create pods or controllers in every namespace", CAPABILITIES.createWorkloads],
  ["create tokens for any ServiceAccount", CAPABILITIES.saToken],
  ["write RBAC roles and bindings", CAPABILITIES.writeRbac],
  ["use nodes/proxy", CAPABILITIES.nodesProxy],
  ["change admission webhooks", CAPABILITIES.webhooks],
  ["approve CertificateSigningRequests", CAPABILITIES.approveCsr],
  ["change kube-system ConfigMaps", CAPABILITIES.sensitiveConfigMaps],
];
/** Abilities that escalate at any scope. */
const ANY_SCOPE: Array<[string, Capability]> = [
  ["escalate roles", CAPABILITIES.escalate],
  ["bind roles", CAPABILITIES.bind],
  ["impersonate", CAPABILITIES.impersonate],
];

/**
 * Why a grant gives administrative or cluster-takeover power (reading Secrets aside, which has its own
 * rules): admin-equivalent roles, escalate/bind/impersonate, and the cluster-wide escalation paths.
 */
export const takeoverReasons = (g: Grant): string[] => {
  const namespaced = g.binding.kind === "RoleBinding";
  const reasons: string[] = [];
  if (adminReason(g.role)) reasons.push(namespaced ? `every permission in namespace '${g.namespace}'` : "cluster-admin");
  for (const [label, cap] of ANY_SCOPE) if (evaluate(g.role.rules, cap, namespaced)) reasons.push(label);
  if (!namespaced || g.namespace === "kube-system")
    for (const [label, cap] of CLUSTER_WIDE) if (evaluate(g.role.rules, cap, namespaced)) reasons.push(namespaced ? `${label.replace(" in every namespace", "")} in kube-system` : label);
  return reasons;
};
