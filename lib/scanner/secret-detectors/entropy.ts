/** Longest stretch of a value the entropy scan looks at: keeps 10,000 ConfigMaps cheap. */
export const MAX_EXAMINED = 4096;

/** Shannon entropy in bits per character. */
export const shannonEntropy = (text: string): number => {
  if (!text) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
};

const UUID = /^[{(]?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[})]?$/i;
const HEX = /^[0-9a-f]+$/i;
const DIGEST = /^(sha(1|224|256|384|512)|md5|blake2b?)[:-]/i;
const PATH = /^(~|\.{0,2})\/[\w.@%+=,~/-]*$|^[a-z]:\\/i;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
const IMAGE_REF = /^([\w-]+\.[\w.-]+(:\d+)?\/)?[\w.-]+(\/[\w.-]+)*(:[\w.-]+|@sha256:[0-9a-f]{64})$|^[\w-]+\.[\w.-]+(:\d+)?\/[\w./-]+$/i;
const DOTTED_NAME = /^[a-z][\w-]*(\.[a-z][\w-]*){2,}$/i;
const TOKEN_CHARS = /^[A-Za-z0-9+/_.~-]+={0,2}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** base64 whose decoded form is prose (printable with spaces) is ordinary text, not key material. */
export const isBase64OfText = (value: string): boolean => {
  if (!BASE64.test(value) || value.length % 4 === 1) return false;
  let decoded: string;
  try {
    decoded = atob(value.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(value.length / 4) * 4, "="));
  } catch {
    return false;
  }
  if (!/^[\x20-\x7e\t\r\n]+$/.test(decoded)) return false;
  return /\s/.test(decoded.trim()) || /^[a-z]+$/i.test(decoded);
};

/** Values that are identifiers, not key material: UUIDs, digests and hashes, paths, URLs, image references, dotted names. */
export const isBenignToken = (value: string): boolean =>
  UUID.test(value) ||
  DIGEST.test(value) ||
  PATH.test(value) ||
  URL_LIKE.test(value) ||
  IMAGE_REF.test(value) ||
  DOTTED_NAME.test(value) ||
  isBase64OfText(value);

export type EntropyOptions = { minLength: number; threshold: number; allowHex: boolean; requireMix: boolean };

/** Default: a random-looking token of 20+ chars mixing letters and digits. */
export const GENERIC: EntropyOptions = { minLength: 20, threshold: 3.7, allowHex: false, requireMix: true };
/** Under a credential-like key name the bar is lower: a short literal password is still a password. */
export const UNDER_SENSITIVE_KEY: EntropyOptions = { minLength: 8, threshold: 2.5, allowHex: true, requireMix: false };

export const isHighEntropyToken = (raw: string, opts: EntropyOptions = GENERIC): boolean => {
  const value = raw.length > MAX_EXAMINED ? raw.slice(0, MAX_EXAMINED) : raw;
  if (value.length < opts.minLength || /\s/.test(value)) return false;
  if (isBenignToken(value)) return false;
  if (HEX.test(value) && !opts.allowHex) return false;
  if (opts.requireMix && !(TOKEN_CHARS.test(value) && /\d/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value))) return false;
  const threshold = value.length >= 32 ? opts.threshold + 0.3 : opts.threshold;
  return shannonEntropy(value) >= threshold;
};
