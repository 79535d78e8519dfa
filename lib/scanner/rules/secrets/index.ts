import type { Rule } from "../../define-rule";
import cloudCredentialsPathMounted from "./cloud-credentials-path-mounted";
import legacyServiceAccountTokenSecret from "./legacy-service-account-token-secret";
import secretAsEnvVar from "./secret-as-env-var";
import secretInAnnotations from "./secret-in-annotations";
import secretInCommandArgs from "./secret-in-command-args";
import secretInConfigmap from "./secret-in-configmap";
import secretInEnvLiteral from "./secret-in-env-literal";
import secretsEncryptionAtRestMissing from "./secrets-encryption-at-rest-missing";

export const secretRules: Rule[] = [
  secretInEnvLiteral,
  secretInConfigmap,
  secretInAnnotations,
  secretInCommandArgs,
  secretAsEnvVar,
  cloudCredentialsPathMounted,
  legacyServiceAccountTokenSecret,
  secretsEncryptionAtRestMissing,
];
