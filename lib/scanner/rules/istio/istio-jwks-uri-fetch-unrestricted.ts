import { defineSnapshotRule } from "../../define-rule";
import { containersOf, podSpecOf } from "../../pod-spec";
import { isIstiod, recordList, specOf } from "../../istio/mesh";
import type { K8sObject } from "../../types";

const ENV = "BLOCKED_CIDRS_IN_JWKS_URIS";


/** istiod fetches keys for every jwtRule that has no inline jwks (from jwksUri, or the issuer's discovery document). */
const fetchesKeys = (ra: K8sObject) => recordList(specOf(ra).jwtRules).some((r) => !r.jwks);

export default defineSnapshotRule({
  id: "TWR-0709",
  name: "istio-jwks-uri-fetch-unrestricted",
  title: "istiod fetches JWKS URIs without a blocked-CIDR list",
  severity: "medium",
  theme: "istio",
  targets: ["RequestAuthentication", "Deployment"],
  description:
    "istiod fetches the signing keys of every RequestAuthentication from its jwksUri (or the issuer's discovery document). Anyone allowed to create a RequestAuthentication can point that URI at internal addresses, making istiod issue requests from the control plane into the cluster network or cloud metadata endpoints (SSRF). BLOCKED_CIDRS_IN_JWKS_URIS on istiod restricts those fetches. This is istioctl analyze IST0175.",
  remediation:
    "Set the BLOCKED_CIDRS_IN_JWKS_URIS environment variable on istiod's discovery container (for example via values.pilot.env) to the internal and link-local ranges, e.g. 10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,169.254.0.0/16, and restrict who may create RequestAuthentication objects.",
  references: [
    "https://istio.io/latest/docs/reference/config/analysis/ist0175/",
    "https://istio.io/latest/docs/reference/commands/pilot-discovery/#envvars",
  ],
  refs: { istio: ["IST0175"] },
  check: (ctx) => {
    const fetching = ctx.snapshot.byKind("RequestAuthentication").filter(fetchesKeys);
    if (!fetching.length) return [];
    const names = fetching.slice(0, 5).map((ra) => `${ra.metadata?.namespace ?? "default"}/${ra.metadata?.name}`).join(", ");
    return ctx.snapshot.byKind("Deployment").filter(isIstiod).flatMap((d) => {
      const pod = podSpecOf(d);
      if (!pod) return [];
      const c = containersOf(pod).find((x) => x.type === "containers" && (x.container.name === "discovery" || x.index === 0));
      if (!c || (Array.isArray(c.container.env) ? c.container.env : []).some((e) => e?.name === ENV && String(e.value ?? "").trim() !== "")) return [];
      return [{ object: d, path: `${c.path}.env`, message: `Container '${c.container.name}' of Deployment '${d.metadata?.name}' does not set env ${ENV}, while ${fetching.length} RequestAuthentication(s) make istiod fetch JWKS URIs (${names})` }];
    });
  },
});
