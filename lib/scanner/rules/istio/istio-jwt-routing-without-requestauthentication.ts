import { defineRule } from "../../define-rule";
import { gatewaySelector, gatewayWorkloads, nsOf, recordList, resolveGateway, ROOT_NAMESPACE, specOf, stringList, type Workload } from "../../istio/mesh";
import { asLabels, isRecord, mapSelects } from "../../istio/selectors";
import type { Snapshot } from "../../snapshot";
import type { K8sObject } from "../../types";

const CLAIM_PREFIX = "@request.auth.claims";

const claimKeys = (vs: K8sObject): Array<{ key: string; path: string }> =>
  recordList(specOf(vs).http).flatMap((route, r) =>
    recordList(route.match).flatMap((m, i) =>
      (["headers", "withoutHeaders"] as const).flatMap((field) =>
        isRecord(m[field])
          ? Object.keys(m[field] as object).filter((k) => k.startsWith(CLAIM_PREFIX)).map((key) => ({ key, path: `spec.http[${r}].match[${i}].${field}` }))
          : [],
      ),
    ),
  );

const requestAuthns = (snapshot: Snapshot): Map<string, K8sObject[]> =>
  snapshot.memo("istio:request-authn-by-ns", () => {
    const m = new Map<string, K8sObject[]>();
    for (const ra of snapshot.byKind("RequestAuthentication")) m.set(nsOf(ra), [...(m.get(nsOf(ra)) ?? []), ra]);
    return m;
  });

/** A RequestAuthentication applies to the pod when in its namespace (selector matching or absent) or mesh-wide in the root namespace. */
const hasRequestAuthn = (snapshot: Snapshot, w: Workload): boolean => {
  const applies = (ra: K8sObject, meshWide: boolean) => {
    const sel = specOf(ra).selector;
    const labels = isRecord(sel) ? asLabels(sel.matchLabels) : {};
    if (!Object.keys(labels).length) return true;
    return !meshWide && mapSelects(labels, w.labels);
  };
  const byNs = requestAuthns(snapshot);
  return (byNs.get(w.namespace) ?? []).some((ra) => applies(ra, false)) || (w.namespace !== ROOT_NAMESPACE && (byNs.get(ROOT_NAMESPACE) ?? []).some((ra) => applies(ra, true)));
};

export default defineRule({
  id: "TWR-0708",
  name: "istio-jwt-routing-without-requestauthentication",
  title: "Istio VirtualService routes on JWT claims without a RequestAuthentication",
  severity: "high",
  theme: "istio",
  targets: ["VirtualService"],
  description:
    "Routing on @request.auth.claims headers only works once a RequestAuthentication on the gateway pods has validated the token. Without one, the claims are never populated from a verified JWT, so the routes meant to restrict traffic by claim either never match or can be reached by clients that craft the request. This is istioctl analyze IST0149.",
  remediation:
    "Apply a RequestAuthentication (jwtRules with issuer and jwksUri) selecting the gateway pods, plus an AuthorizationPolicy requiring requestPrincipals, before routing on JWT claims.",
  references: [
    "https://istio.io/latest/docs/reference/config/analysis/ist0149/",
    "https://istio.io/latest/docs/tasks/security/authentication/jwt-route/",
  ],
  refs: { istio: ["IST0149"] },
  check: (obj, ctx) => {
    const keys = claimKeys(obj);
    if (!keys.length) return [];
    const out: Array<{ path: string; message: string }> = [];
    for (const ref of stringList(specOf(obj).gateways).filter((g) => g !== "mesh")) {
      const gw = resolveGateway(ctx.snapshot, ref, nsOf(obj));
      if (!gw) continue;
      const pods = gatewayWorkloads(ctx.snapshot, gatewaySelector(gw));
      const bare = pods.find((w) => !hasRequestAuthn(ctx.snapshot, w));
      if (bare)
        out.push({ path: `${keys[0].path}.${keys[0].key}`, message: `VirtualService '${obj.metadata?.name}' routes on JWT claim '${keys[0].key}' (${keys[0].path}) through Gateway '${ref}', but no RequestAuthentication applies to its pod '${bare.obj.metadata?.name}' in '${bare.namespace}'` });
    }
    return out;
  },
});
