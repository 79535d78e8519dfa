import YAML from "yaml";

/** Where the API server posts a cluster's batches. */
export const ingestUrl = (towerUrl: string, clusterId: string) => `${towerUrl.replace(/\/+$/, "")}/api/v1/audit/ingest/${encodeURIComponent(clusterId)}`;

/**
 * The kubeconfig-format file for --audit-webhook-config-file: Tower is the "cluster", the token the "user".
 * A private CA for Tower goes in `certificate-authority-data`.
 */
export const webhookKubeconfigYaml = (opts: { towerUrl: string; clusterId: string; token: string; caData?: string }): string =>
  YAML.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "tower", cluster: { server: ingestUrl(opts.towerUrl, opts.clusterId), ...(opts.caData ? { "certificate-authority-data": opts.caData } : {}) } }],
    users: [{ name: "tower-audit", user: { token: opts.token } }],
    contexts: [{ name: "tower", context: { cluster: "tower", user: "tower-audit" } }],
    "current-context": "tower",
  });
