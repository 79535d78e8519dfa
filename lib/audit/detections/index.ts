import type { DetectionRegistry } from "../define-detection";
import anonymousRequestAllowed from "./initial-access/anonymous-request-allowed";
import anonymousWriteAttempt from "./initial-access/anonymous-write-attempt";
import anonymousEnumerationBurst from "./discovery/anonymous-enumeration-burst";
import humanNewSourceIp from "./initial-access/human-new-source-ip";
import saTokenOutsideCluster from "./credential-access/sa-token-outside-cluster";
import newUserAgentFamily from "./execution/new-user-agent-family";
import serviceAccountInteractiveClient from "./execution/service-account-interactive-client";
import rbacSelfReview from "./discovery/rbac-self-review";
import multiResourceDiscovery from "./discovery/multi-resource-discovery";
import permissionProbing from "./discovery/permission-probing";
import serviceAccountFirstDenied from "./discovery/service-account-first-denied";
import secretsListedClusterWide from "./credential-access/secrets-listed-cluster-wide";
import secretReadNewNamespace from "./credential-access/secret-read-new-namespace";
import rapidSecretReads from "./credential-access/rapid-secret-reads";
import secretAccessDeniedBurst from "./credential-access/secret-access-denied-burst";
import secretReadScriptingAgent from "./credential-access/secret-read-scripting-agent";
import tokenRequestOtherAccount from "./credential-access/token-request-other-account";
import legacyTokenSecret from "./persistence/legacy-token-secret";
import csrPrivilegedIdentity from "./persistence/csr-privileged-identity";
import execIntoPod from "./execution/exec-into-pod";
import execSuspiciousCommand from "./execution/exec-suspicious-command";
import execSystemNamespace from "./execution/exec-system-namespace";
import portForward from "./lateral-movement/port-forward";
import kubectlCpExfiltration from "./collection/kubectl-cp-exfiltration";
import ephemeralContainer from "./privilege-escalation/ephemeral-container";
import nodeProxy from "./privilege-escalation/node-proxy";
import privilegedContainer from "./privilege-escalation/privileged-container";
import sensitiveHostPath from "./privilege-escalation/sensitive-host-path";
import hostNamespaces from "./privilege-escalation/host-namespaces";
import dangerousCapabilities from "./privilege-escalation/dangerous-capabilities";
import podInSystemNamespace from "./persistence/pod-in-system-namespace";
import cronjobModified from "./persistence/cronjob-modified";
import daemonsetFirstSeenPrincipal from "./persistence/daemonset-first-seen-principal";
import sidecarInjection from "./execution/sidecar-injection";
import privilegedRoleBinding from "./privilege-escalation/privileged-role-binding";
import sensitiveRole from "./privilege-escalation/sensitive-role";
import systemRoleModified from "./privilege-escalation/system-role-modified";
import rbacGrantThenWorkload from "./privilege-escalation/rbac-grant-then-workload";
import serviceAccountInSystemNamespace from "./persistence/service-account-in-system-namespace";
import impersonationPrivileged from "./privilege-escalation/impersonation-privileged";
import admissionWebhookChange from "./persistence/admission-webhook-change";
import eventsDeleted from "./defense-evasion/events-deleted";
import auditStreamTamper from "./defense-evasion/audit-stream-tamper";
import podSecurityWeakened from "./defense-evasion/pod-security-weakened";
import corednsModified from "./lateral-movement/coredns-modified";
import authConfigModified from "./persistence/auth-config-modified";
import serviceExposed from "./initial-access/service-exposed";
import bulkDeletion from "./impact/bulk-deletion";
import cryptominingWorkload from "./impact/cryptomining-workload";
import configmapCredentials from "./credential-access/configmap-credentials";

/** Every detection, explicitly, in id order. A test checks that this list and the files on disk agree. */
export const DETECTIONS = [
  anonymousRequestAllowed,
  anonymousWriteAttempt,
  anonymousEnumerationBurst,
  humanNewSourceIp,
  saTokenOutsideCluster,
  newUserAgentFamily,
  serviceAccountInteractiveClient,
  rbacSelfReview,
  multiResourceDiscovery,
  permissionProbing,
  serviceAccountFirstDenied,
  secretsListedClusterWide,
  secretReadNewNamespace,
  rapidSecretReads,
  secretAccessDeniedBurst,
  secretReadScriptingAgent,
  tokenRequestOtherAccount,
  legacyTokenSecret,
  csrPrivilegedIdentity,
  execIntoPod,
  execSuspiciousCommand,
  execSystemNamespace,
  portForward,
  kubectlCpExfiltration,
  ephemeralContainer,
  nodeProxy,
  privilegedContainer,
  sensitiveHostPath,
  hostNamespaces,
  dangerousCapabilities,
  podInSystemNamespace,
  cronjobModified,
  daemonsetFirstSeenPrincipal,
  sidecarInjection,
  privilegedRoleBinding,
  sensitiveRole,
  systemRoleModified,
  rbacGrantThenWorkload,
  serviceAccountInSystemNamespace,
  impersonationPrivileged,
  admissionWebhookChange,
  eventsDeleted,
  auditStreamTamper,
  podSecurityWeakened,
  corednsModified,
  authConfigModified,
  serviceExposed,
  bulkDeletion,
  cryptominingWorkload,
  configmapCredentials,
] as const satisfies DetectionRegistry;
