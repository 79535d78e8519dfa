import { describe, expect, it } from "vitest";
import { detectSecret, isPlaceholder, isSensitiveKeyName, shannonEntropy } from ".";

// Every credential below is fake: shaped like the real thing, filled with FAKE / 0 / sequences.
const kind = (value: string, keyName?: string) => detectSecret(value, { keyName })?.kind;

describe("detectSecret: value patterns", () => {
  it.each([
    ["AKIAFAKEFAKEFAKE0000", undefined, "aws-access-key-id"],
    ["aws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = FAKEfakeFAKEfake0000FAKEfakeFAKEfake0000", undefined, "aws-access-key-pair"],
    ["FAKEfakeFAKEfake0000FAKEfakeFAKEfake0000", "AWS_SECRET_ACCESS_KEY", "aws-secret-access-key"],
    ['{"type": "service_account", "project_id": "fake", "private_key_id": "0", "private_key": "-----BEGIN PRIVATE KEY-----\\nFAKE\\n-----END PRIVATE KEY-----\\n"}', undefined, "private-key"],
    ['{"type": "service_account", "project_id": "fake", "private_key": "FAKE"}', undefined, "gcp-service-account-key"],
    [`DefaultEndpointsProtocol=https;AccountName=fake;AccountKey=${"FAKE".repeat(21)}fa==;EndpointSuffix=core.windows.net`, undefined, "azure-storage-key"],
    [`Endpoint=sb://fake.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${"FAKE".repeat(11)}=`, undefined, "azure-connection-string"],
    ["abC8Q~FAKEfakeFAKEfakeFAKEfakeFAKEfake0", undefined, "azure-client-secret"],
    ["-----BEGIN RSA PRIVATE KEY-----\nFAKE\n-----END RSA PRIVATE KEY-----", undefined, "private-key"],
    ["---BEGIN OPENSSH PRIVATE KEY---\nxxxxx\n---END OPENSSH PRIVATE KEY---", undefined, "private-key"],
    ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlIn0.ZmFrZXNpZ25hdHVyZWZha2U", undefined, "jwt"],
    [`ghp_${"FAKE".repeat(9)}`, undefined, "github-token"],
    [`github_pat_${"FAKE0".repeat(16)}`, undefined, "github-token"],
    ["glpat-FAKEfakeFAKEfake0000", undefined, "gitlab-token"],
    ["xoxb-0000000000-0000000000-FAKEfakeFAKE", undefined, "slack-token"],
    ["https://hooks.slack.com/services/T00000000/B00000000/FAKEfakeFAKEfake00000000", undefined, "slack-webhook"],
    ["postgres://app:Fake-Pa55word@db.internal:5432/app", undefined, "url-with-password"],
    ["Authorization: Bearer FAKEfake0000FAKEfake", undefined, "authorization-header"],
    ["kX9vT2qL8mN4pR7sW1yZ3bC6", undefined, "high-entropy-string"],
  ])("%s -> %s", (value, key, expected) => {
    expect(kind(value, key)).toBe(expected);
  });

  it("never returns the value", () => {
    const secret = `ghp_${"FAKE".repeat(9)}`;
    expect(JSON.stringify(detectSecret(secret))).not.toContain(secret);
  });
});

describe("detectSecret: look-alikes stay quiet", () => {
  it.each([
    ["${DB_PASSWORD}", "password"],
    ["$(DB_PASSWORD)", "DB_PASSWORD"],
    ["{{ .Values.db.password }}", "password"],
    ["changeme", "password"],
    ["xxxxxxxxxx", "AWS_SECRET_ACCESS_KEY"],
    ["abc123", "my_password"],
    ["/etc/ml_secret_key", "METALLB_ML_SECRET_KEY_PATH"],
    ["/var/run/secrets/token", "SOME_TOKEN_PATH"],
    ["postgres://app:${DB_PASS}@db/app", undefined],
    ["postgres://app:password@db/app", undefined],
    ["https://user@example.com/repo.git", undefined],
    ["550e8400-e29b-41d4-a716-446655440000", undefined],
    [`registry.example.com/team/app@sha256:${"0a1b2c3d".repeat(8)}`, undefined],
    [`sha256:${"0a1b2c3d".repeat(8)}`, undefined],
    ["0123456789abcdef0123456789abcdef01234567", undefined],
    ["someVeryLongCamelCaseIdentifierName", undefined],
    ["my-very-long-service-name-for-production", undefined],
    ["com.example.service.Application", undefined],
    [btoa("hello world, this is ordinary text"), undefined],
    ["REDIS_PASSWORD=${REDIS_PASSWORD}", "env"],
    ["REDIS_PASSWORD=", "config"],
    ["Hello from the environment", "greeting"],
  ])("%s under %s", (value, key) => {
    expect(detectSecret(value, { keyName: key })).toBeUndefined();
  });
});

describe("key names raise confidence, never decide alone", () => {
  it("a short literal under a password key is a password-literal", () => {
    expect(kind("supersecret", "password")).toBe("password-literal");
    expect(kind("config: REDIS_PASSWORD=abcd1234")).toBe("password-literal");
  });
  it("the same literal under an ordinary key is nothing", () => {
    expect(kind("supersecret", "greeting")).toBeUndefined();
  });
  it("an entropy hit under a sensitive key is high confidence", () => {
    expect(detectSecret("kX9vT2qL8mN4pR7sW1yZ3bC6", { keyName: "API_TOKEN" })?.confidence).toBe("high");
    expect(detectSecret("kX9vT2qL8mN4pR7sW1yZ3bC6", { keyName: "build" })?.confidence).toBe("medium");
  });
  it("finds pairs inside .env, properties and JSON blobs", () => {
    expect(kind("LOG_LEVEL=info\nDB_PASSWORD=Fake-Pa55word\n")).toBe("password-literal");
    expect(kind('{"user":"app","password":"Fake-Pa55word"}')).toBe("password-literal");
    expect(kind("db:\n  user: app\n  password: ${DB_PASSWORD}\n")).toBeUndefined();
  });
});

describe("helpers", () => {
  it("classifies key names", () => {
    expect(isSensitiveKeyName("DB_PASSWORD")).toBe(true);
    expect(isSensitiveKeyName("--api-key")).toBe(true);
    expect(isSensitiveKeyName("PASSWORD_FILE")).toBe(false);
    expect(isSensitiveKeyName("AWS_ACCESS_KEY_ID")).toBe(false);
    expect(isSensitiveKeyName("passage")).toBe(false);
  });
  it("recognises placeholders", () => {
    for (const p of ["${X}", "<password>", "%PASS%", "********", "", "true"]) expect(isPlaceholder(p)).toBe(true);
    expect(isPlaceholder("Fake-Pa55word")).toBe(false);
  });
  it("computes Shannon entropy", () => {
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(shannonEntropy("abcd")).toBe(2);
  });
  it("keeps a huge value cheap", () => {
    const big = "a b ".repeat(200_000);
    const t = performance.now();
    expect(detectSecret(big)).toBeUndefined();
    expect(performance.now() - t).toBeLessThan(200);
  });
});
