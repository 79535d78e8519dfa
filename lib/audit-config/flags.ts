export const POLICY_PATH = "/etc/kubernetes/audit/tower-policy.yaml";
export const WEBHOOK_CONFIG_PATH = "/etc/kubernetes/audit/tower-webhook.kubeconfig";

/**
 * kube-apiserver flags for the webhook backend. Batches of 400 at most every 5 s; the truncate limit
 * stays below Tower's default body limit (16 MiB) so that no batch is refused for its size.
 */
export const APISERVER_AUDIT_FLAGS: readonly string[] = [
  `--audit-policy-file=${POLICY_PATH}`,
  `--audit-webhook-config-file=${WEBHOOK_CONFIG_PATH}`,
  "--audit-webhook-version=audit.k8s.io/v1",
  "--audit-webhook-mode=batch",
  "--audit-webhook-batch-max-size=400",
  "--audit-webhook-batch-max-wait=5s",
  "--audit-webhook-batch-buffer-size=20000",
  "--audit-webhook-batch-throttle-enable=true",
  "--audit-webhook-batch-throttle-qps=20",
  "--audit-webhook-batch-throttle-burst=40",
  "--audit-webhook-initial-backoff=5s",
  "--audit-webhook-truncate-enabled=true",
  "--audit-webhook-truncate-max-batch-size=10485760",
  "--audit-webhook-truncate-max-event-size=102400",
];
