/** What a detector reports: the kind of secret, never the value. */
export const SECRET_KINDS = {
  "aws-access-key-pair": "AWS access key id with its secret access key",
  "aws-access-key-id": "AWS access key id",
  "aws-secret-access-key": "AWS secret access key",
  "gcp-service-account-key": "GCP service-account key (JSON with a private key)",
  "azure-storage-key": "Azure storage account key or connection string",
  "azure-connection-string": "Azure Service Bus / Event Hubs connection string with a shared access key",
  "azure-client-secret": "Azure AD (Entra ID) client secret",
  "private-key": "PEM private key",
  jwt: "JSON Web Token",
  "github-token": "GitHub token",
  "gitlab-token": "GitLab personal access token",
  "slack-token": "Slack token",
  "slack-webhook": "Slack incoming webhook URL",
  "authorization-header": "HTTP Authorization header with a bearer/basic credential",
  "url-with-password": "URL with an embedded password",
  "password-literal": "literal value under a credential-like key name",
  "high-entropy-string": "high-entropy string (likely a key or token)",
} as const;

export type SecretKind = keyof typeof SECRET_KINDS;

export type SecretMatch = { kind: SecretKind; confidence: "high" | "medium" };

export const describeKind = (kind: SecretKind): string => SECRET_KINDS[kind];
