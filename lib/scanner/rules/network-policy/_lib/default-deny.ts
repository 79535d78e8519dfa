import type { ScanContext } from "../../../define-rule";
import type { Hit } from "../../../types";
import { isEmptySelector, networkIndex } from "./policies";

/** Shared by no-default-deny-ingress and no-default-deny-egress: one hit per user namespace lacking the deny policy. */
export const defaultDenyCheck = (ctx: ScanContext, direction: "ingress" | "egress"): Hit[] => {
  const index = networkIndex(ctx.snapshot);
  const deny = direction === "ingress" ? "denyIngress" : "denyEgress";
  const type = direction === "ingress" ? "Ingress" : "Egress";
  return index
    .userNamespaces()
    .filter(({ name }) => !index.policiesIn(name).some((p) => p[deny] && isEmptySelector(p.selector)))
    .map(({ name, obj }) => ({
      object: obj,
      path: "metadata.name",
      value: name,
      message: `Namespace '${name}' has no default-deny ${direction} NetworkPolicy (podSelector: {}, policyTypes: [${type}], no ${direction} rules)`,
    }));
};
