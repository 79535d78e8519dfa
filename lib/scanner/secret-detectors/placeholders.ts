const TEMPLATED = [/\$\{[^}]*\}/, /\$\([^)]*\)/, /\{\{.*\}\}/, /^\$[A-Za-z_][A-Za-z0-9_]*$/, /^<[^>]*>$/, /^%[^%]+%$/, /^@[A-Za-z_]+@$/];
const WORDS = /^(changeme|change[-_]?me|change[-_]?it|password|passwd|pass|pwd|secret|token|key|example|dummy|placeholder|redacted|masked|hidden|none|null|nil|undefined|empty|true|false|yes|no|on|off|todo|tbd|fixme|replace[-_]?me|your[-_ ]?\w*|my[-_]?\w*password|\*+|x+|\.+|-+|_+|#+|0+)$/i;

/** A reference or stand-in rather than a value: ${VAR}, $(VAR), {{ .Values.x }}, <password>, "changeme", "xxxx". */
export const isPlaceholder = (raw: string): boolean => {
  const value = raw.trim().replace(/^["']|["']$/g, "");
  if (!value) return true;
  if (/^(.)\1*$/.test(value)) return true;
  if (WORDS.test(value)) return true;
  return TEMPLATED.some((re) => re.test(value));
};

const SENSITIVE_KEY = /pass(word|wd|phrase)?(?![a-z])|pwd|secret|token|api[-_.]?key|apikey|access[-_.]?key|private[-_.]?key|priv[-_.]?key|signing[-_.]?key|encryption[-_.]?key|credential|client[-_.]?secret|auth[-_.]?key|conn(ection)?[-_.]?str(ing)?|\bdsn\b|(^|[-_.])(pw|pass)$/i;
const NOT_A_VALUE_KEY = /(path|file|dir|directory|name|user(name)?|id|ref|url|uri|endpoint|host|enabled|disabled|enable|ttl|expiry|expires?|expiration|timeout|length|size|type|mode|policy|header|secretname|keyname|format|version|count|duration|lifetime|period|interval|algorithm|alg|prefix|suffix|template|field)$/i;

/** A key/variable/flag name that says its value is a credential (DB_PASSWORD, api_key, --token), and not a pointer to one (*_FILE, *_PATH). */
export const isSensitiveKeyName = (name: string | undefined): boolean => {
  if (typeof name !== "string" || !name) return false;
  const clean = name.replace(/^-+/, "");
  return SENSITIVE_KEY.test(clean) && !NOT_A_VALUE_KEY.test(clean.replace(/[-_.]/g, ""));
};
