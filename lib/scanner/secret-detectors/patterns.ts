import type { SecretKind } from "./kinds";
import { isPlaceholder } from "./placeholders";

/** `hints`: cheap substrings, one of which must occur before the regex is tried. */
type Pattern = { kind: SecretKind; re: RegExp; hints?: readonly string[]; verify?: (match: RegExpExecArray) => boolean };

const decodeJsonPart = (part: string): unknown => {
  try {
    const b64 = part.replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, "=")));
  } catch {
    return undefined;
  }
};

const isJwtHeader = (part: string): boolean => {
  const header = decodeJsonPart(part);
  return typeof header === "object" && header !== null && typeof (header as Record<string, unknown>).alg === "string";
};

/** Value patterns that identify a credential on their own, whatever the key is called. Order: most specific first. */
export const PATTERNS: readonly Pattern[] = [
  { kind: "private-key", hints: ["PRIVATE KEY"], re: /-{3,}\s*BEGIN ((RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?\s*-{3,}/ },
  { kind: "gcp-service-account-key", hints: ["service_account"], re: /"type"\s*:\s*"service_account"[\s\S]{0,4000}?"private_key"|"private_key"[\s\S]{0,4000}?"type"\s*:\s*"service_account"/ },
  { kind: "azure-storage-key", hints: ["AccountKey="], re: /AccountKey=[A-Za-z0-9+/]{80,90}={0,2}/ },
  { kind: "azure-connection-string", hints: ["SharedAccessKey="], re: /Endpoint=sb:\/\/[^;\s]+;SharedAccessKeyName=[^;\s]+;SharedAccessKey=[A-Za-z0-9+/]{40,}={0,2}/ },
  { kind: "azure-client-secret", hints: ["Q~"], re: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/ },
  { kind: "github-token", hints: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"], re: /\b(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{70,255})\b/ },
  { kind: "gitlab-token", hints: ["glpat-"], re: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { kind: "slack-webhook", hints: ["hooks.slack.com"], re: /https:\/\/hooks\.slack\.com\/(services|workflows)\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]{16,}/ },
  { kind: "slack-token", hints: ["xox"], re: /\bxox[abpr]-[0-9A-Za-z-]{10,}\b/ },
  { kind: "jwt", hints: ["eyJ"], re: /\b(eyJ[A-Za-z0-9_-]{8,})\.(eyJ[A-Za-z0-9_-]{8,})\.([A-Za-z0-9_-]{10,})/, verify: (m) => isJwtHeader(m[1]) },
  {
    kind: "url-with-password",
    hints: ["://"],
    re: /\b[a-z][a-z0-9+.-]{1,20}:\/\/([^\s:/@"'<>]+):([^\s@"'<>]+)@[^\s/@"'<>]+/i,
    verify: (m) => !isPlaceholder(m[2]) && !isPlaceholder(m[1]) && !/^(.)\1*$/.test(m[2]),
  },
  {
    kind: "authorization-header",
    hints: ["earer", "asic", "oken", "EARER", "ASIC", "OKEN"],
    re: /\b(bearer|basic|token)\s+([A-Za-z0-9._~+/=-]{12,})/i,
    verify: (m) => !isPlaceholder(m[2]) && /\d/.test(m[2]) && /[a-z]/i.test(m[2]),
  },
];

const AWS_ID_PREFIXES = ["AKIA", "ASIA", "ABIA", "ACCA"];
const AWS_KEY_ID = /\b((AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b/;
const AWS_SECRET_NEAR = /aws.{0,20}secret.{0,20}?[=:"'\s]+([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/i;
export const AWS_SECRET_SHAPE = /^[A-Za-z0-9/+]{40}$/;

/** AWS: an access key id alone is an identifier, reported at medium; with a 40-char secret beside it, it is a usable pair. */
export const detectAws = (text: string): SecretKind | undefined => {
  const id = AWS_ID_PREFIXES.some((p) => text.includes(p)) && AWS_KEY_ID.test(text);
  const secret = /aws/i.test(text) && AWS_SECRET_NEAR.test(text);
  if (id && secret) return "aws-access-key-pair";
  if (secret) return "aws-secret-access-key";
  return id ? "aws-access-key-id" : undefined;
};

export const matchPatterns = (text: string): SecretKind | undefined => {
  for (const p of PATTERNS) {
    if (p.hints && !p.hints.some((h) => text.includes(h))) continue;
    const m = p.re.exec(text);
    if (m && (!p.verify || p.verify(m))) return p.kind;
  }
  return undefined;
};
