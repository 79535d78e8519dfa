export { APISERVER_AUDIT_FLAGS, POLICY_PATH, WEBHOOK_CONFIG_PATH } from "./flags";
export { AUDIT_POLICY_RULES, auditPolicy, auditPolicyYaml } from "./policy";
export { ingestUrl, webhookKubeconfigYaml } from "./webhook-kubeconfig";
