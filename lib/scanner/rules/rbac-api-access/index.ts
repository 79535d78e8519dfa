import type { Rule } from "../../define-rule";
import clusterAdminBinding from "./cluster-admin-binding";
import rbacWildcardAnyAny from "./rbac-wildcard-any-any";
import rbacWildcardVerb from "./rbac-wildcard-verb";
import rbacWildcardNamespaceAdmin from "./rbac-wildcard-namespace-admin";
import anonymousAccessBinding from "./anonymous-access-binding";
import systemAuthenticatedElevatedBinding from "./system-authenticated-elevated-binding";
import systemMastersBinding from "./system-masters-binding";
import rbacEscalateVerb from "./rbac-escalate-verb";
import rbacBindVerb from "./rbac-bind-verb";
import rbacImpersonate from "./rbac-impersonate";
import rbacWriteRbacObjects from "./rbac-write-rbac-objects";
import rbacPodsExecAttach from "./rbac-pods-exec-attach";
import rbacPodsPortforward from "./rbac-pods-portforward";
import rbacNodesProxy from "./rbac-nodes-proxy";
import rbacCreateWorkloads from "./rbac-create-workloads";
import rbacEphemeralContainers from "./rbac-ephemeral-containers";
import rbacModifySensitiveConfigmaps from "./rbac-modify-sensitive-configmaps";
import rbacCreateServiceaccountToken from "./rbac-create-serviceaccount-token";
import rbacCreatePersistentvolumes from "./rbac-create-persistentvolumes";
import rbacApproveCsr from "./rbac-approve-csr";
import rbacModifyAdmissionWebhooks from "./rbac-modify-admission-webhooks";
import rbacModifyServicesStatus from "./rbac-modify-services-status";
import rbacManageNetworking from "./rbac-manage-networking";
import rbacSecretsReadClusterwide from "./rbac-secrets-read-clusterwide";
import rbacSecretsReadNamespace from "./rbac-secrets-read-namespace";
import workloadSaCanReadSecrets from "./workload-sa-can-read-secrets";
import workloadWithAdminRole from "./workload-with-admin-role";
import defaultSaHasBindings from "./default-sa-has-bindings";
import danglingRbacBinding from "./dangling-rbac-binding";
import apiserverAnonymousAuthEnabled from "./apiserver-anonymous-auth-enabled";
import apiserverAuthorizationAlwaysAllow from "./apiserver-authorization-always-allow";
import apiserverAuditLogDisabled from "./apiserver-audit-log-disabled";
import kubeletAnonymousAuthEnabled from "./kubelet-anonymous-auth-enabled";

/** Every rule of the RBAC and API-access theme (TWR-0301..TWR-0399), in id order. */
export const rbacRules: Rule[] = [
  clusterAdminBinding,
  rbacWildcardAnyAny,
  rbacWildcardVerb,
  rbacWildcardNamespaceAdmin,
  anonymousAccessBinding,
  systemAuthenticatedElevatedBinding,
  systemMastersBinding,
  rbacEscalateVerb,
  rbacBindVerb,
  rbacImpersonate,
  rbacWriteRbacObjects,
  rbacPodsExecAttach,
  rbacPodsPortforward,
  rbacNodesProxy,
  rbacCreateWorkloads,
  rbacEphemeralContainers,
  rbacModifySensitiveConfigmaps,
  rbacCreateServiceaccountToken,
  rbacCreatePersistentvolumes,
  rbacApproveCsr,
  rbacModifyAdmissionWebhooks,
  rbacModifyServicesStatus,
  rbacManageNetworking,
  rbacSecretsReadClusterwide,
  rbacSecretsReadNamespace,
  workloadSaCanReadSecrets,
  workloadWithAdminRole,
  defaultSaHasBindings,
  danglingRbacBinding,
  apiserverAnonymousAuthEnabled,
  apiserverAuthorizationAlwaysAllow,
  apiserverAuditLogDisabled,
  kubeletAnonymousAuthEnabled,
];
