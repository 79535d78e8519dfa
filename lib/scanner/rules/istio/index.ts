import type { Rule } from "../../define-rule";
import istioApplicationUid1337 from "./istio-application-uid-1337";
import istioAuthorizationpolicyAllowAll from "./istio-authorizationpolicy-allow-all";
import istioAuthorizationpolicyNoMatchingWorkloads from "./istio-authorizationpolicy-no-matching-workloads";
import istioDestinationruleNoServerCertVerification from "./istio-destinationrule-no-server-cert-verification";
import istioDestinationruleTlsDisabled from "./istio-destinationrule-tls-disabled";
import istioGatewayConflict from "./istio-gateway-conflict";
import istioGatewayCredentialInvalid from "./istio-gateway-credential-invalid";
import istioGatewayDuplicateCertificate from "./istio-gateway-duplicate-certificate";
import istioGatewayNoWorkload from "./istio-gateway-no-workload";
import istioGatewayPlainHttp from "./istio-gateway-plain-http";
import istioGatewayTlsWithoutCredentials from "./istio-gateway-tls-without-credentials";
import istioJwksUriFetchUnrestricted from "./istio-jwks-uri-fetch-unrestricted";
import istioJwtRoutingWithoutRequestauthentication from "./istio-jwt-routing-without-requestauthentication";
import istioMtlsDisabled from "./istio-mtls-disabled";
import istioMtlsPermissive from "./istio-mtls-permissive";
import istioNoMeshwideStrictMtls from "./istio-no-meshwide-strict-mtls";
import istioSidecarMissing from "./istio-sidecar-missing";
import istioVirtualserviceReferenceNotFound from "./istio-virtualservice-reference-not-found";
import istioWorkloadSelectorNoMatch from "./istio-workload-selector-no-match";

export const istioRules: Rule[] = [
  istioApplicationUid1337,
  istioAuthorizationpolicyAllowAll,
  istioAuthorizationpolicyNoMatchingWorkloads,
  istioDestinationruleNoServerCertVerification,
  istioDestinationruleTlsDisabled,
  istioGatewayConflict,
  istioGatewayCredentialInvalid,
  istioGatewayDuplicateCertificate,
  istioGatewayNoWorkload,
  istioGatewayPlainHttp,
  istioGatewayTlsWithoutCredentials,
  istioJwksUriFetchUnrestricted,
  istioJwtRoutingWithoutRequestauthentication,
  istioMtlsDisabled,
  istioMtlsPermissive,
  istioNoMeshwideStrictMtls,
  istioSidecarMissing,
  istioVirtualserviceReferenceNotFound,
  istioWorkloadSelectorNoMatch,
];
