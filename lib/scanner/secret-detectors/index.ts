import { GENERIC, isHighEntropyToken, UNDER_SENSITIVE_KEY } from "./entropy";
import type { SecretKind, SecretMatch } from "./kinds";
import { AWS_SECRET_SHAPE, detectAws, matchPatterns } from "./patterns";
import { isPlaceholder, isSensitiveKeyName } from "./placeholders";

export { describeKind, SECRET_KINDS, type SecretKind, type SecretMatch } from "./kinds";
export { isPlaceholder, isSensitiveKeyName } from "./placeholders";
export { shannonEntropy } from "./entropy";

/** Longest value examined: secrets sit near the start of what holds them, and huge blobs must stay cheap. */
const MAX_TEXT = 65_536;
const MAX_PAIRS = 2_000;

const HIGH_KINDS: ReadonlySet<SecretKind> = new Set(["aws-access-key-pair", "aws-secret-access-key", "gcp-service-account-key", "azure-storage-key", "azure-connection-string", "private-key", "github-token", "gitlab-token", "slack-token", "slack-webhook"]);
const match = (kind: SecretKind, confidence?: SecretMatch["confidence"]): SecretMatch => ({ kind, confidence: confidence ?? (HIGH_KINDS.has(kind) ? "high" : "medium") });

// Key names repeat across thousands of ConfigMaps and env lists: classify each once.
const keyCache = new Map<string, boolean>();
const sensitiveKey = (name: string | undefined): boolean => {
  if (typeof name !== "string" || !name) return false;
  let hit = keyCache.get(name);
  if (hit === undefined) {
    hit = isSensitiveKeyName(name);
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(name, hit);
  }
  return hit;
};

const unquote = (v: string) => v.trim().replace(/[,;]$/, "").replace(/^(["'])(.*)\1$/, "$2").trim();

/** One literal under a name: the key name may raise the confidence of an entropy hit, never make one on its own. */
const detectScalar = (value: string, keyName?: string): SecretMatch | undefined => {
  if (value.length < UNDER_SENSITIVE_KEY.minLength) return undefined;
  const sensitive = sensitiveKey(keyName);
  if (!sensitive && value.length < GENERIC.minLength) return undefined;
  if (isPlaceholder(value)) return undefined;
  if (keyName && /aws/i.test(keyName) && /secret/i.test(keyName) && AWS_SECRET_SHAPE.test(value)) return match("aws-secret-access-key");
  if (isHighEntropyToken(value, GENERIC)) return match("high-entropy-string", sensitive ? "high" : "medium");
  if (sensitive && isHighEntropyToken(value, UNDER_SENSITIVE_KEY)) return match("password-literal");
  return undefined;
};

const LINE_PAIR = /^\s*(?:export\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*(?:=|:(?!\/\/))\s*(.+)$/;
const JSON_PAIR = /"([\w.-]{1,128})"\s*:\s*"((?:[^"\\\n]|\\.){1,1024})"/g;

/** key=value / key: value lines (.env, properties, YAML) and "key": "value" pairs (JSON) inside a text blob. */
const detectPairs = (text: string): SecretMatch | undefined => {
  let seen = 0;
  for (const line of text.split("\n")) {
    if (++seen > MAX_PAIRS) break;
    const m = LINE_PAIR.exec(line);
    if (!m) continue;
    const value = unquote(m[2]);
    if (!value || /^[[{|>]/.test(value)) continue;
    const inner = LINE_PAIR.exec(value);
    const hit = detectScalar(value, m[1]) ?? (inner ? detectScalar(unquote(inner[2]), inner[1]) : undefined);
    if (hit) return hit;
  }
  if (!text.includes('"')) return undefined;
  JSON_PAIR.lastIndex = 0;
  for (let m = JSON_PAIR.exec(text), n = 0; m && n < MAX_PAIRS; m = JSON_PAIR.exec(text), n++) {
    const hit = detectScalar(m[2], m[1]);
    if (hit) return hit;
  }
  return undefined;
};

/**
 * Says whether a value holds a secret, and which kind: never the value itself.
 * `keyName` is the env var, ConfigMap key, flag or annotation the value sits under.
 */
export const detectSecret = (raw: string, opts: { keyName?: string } = {}): SecretMatch | undefined => {
  if (typeof raw !== "string" || raw.length < 8) return undefined;
  const text = raw.length > MAX_TEXT ? raw.slice(0, MAX_TEXT) : raw;
  const pattern = matchPatterns(text);
  if (pattern) return match(pattern);
  const aws = detectAws(text);
  if (aws) return match(aws);
  const single = text.trim();
  if (!/\s/.test(single)) {
    const hit = detectScalar(single, opts.keyName);
    if (hit) return hit;
  }
  return /[=:]/.test(text) ? detectPairs(text) : undefined;
};
