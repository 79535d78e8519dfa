import { z } from "zod";

/** The parts of a finding that identify it across runs: no apiVersion (it changes on upgrades), no message text. */
export type Fingerprintable = {
  ruleId: string;
  resource: { kind: string; namespace?: string; name: string };
  evidence?: ReadonlyArray<{ path: string }>;
};

export const fingerprintKey = (f: Fingerprintable): string =>
  [f.ruleId, f.resource.kind, f.resource.namespace ?? "", f.resource.name, f.evidence?.[0]?.path ?? ""].join("|");

const HEX_DIGITS = Array.from("0123456789abcdef", (c) => c.charCodeAt(0));
const hexDigit = (n: number, shift: number) => HEX_DIGITS[(n >>> shift) & 15];

/**
 * 53 bits as 14 hex digits: the top 21 bits (`high`), then the low 32. One fromCharCode call builds a flat
 * string in one go; toString(16) and padStart took twice as long as the hash itself.
 */
const hex53 = (high: number, low: number): string =>
  String.fromCharCode(
    hexDigit(high, 20), hexDigit(high, 16), hexDigit(high, 12), hexDigit(high, 8), hexDigit(high, 4), hexDigit(high, 0),
    hexDigit(low, 28), hexDigit(low, 24), hexDigit(low, 20), hexDigit(low, 16), hexDigit(low, 12), hexDigit(low, 8), hexDigit(low, 4), hexDigit(low, 0),
  );

/**
 * cyrb53 (a small, fast, well-spread 53-bit string hash; pure, no crypto module needed) over the parts of
 * fingerprintKey, fed part by part so that no key string is built: this runs once per finding.
 */
const cyrb53Parts = (parts: readonly string[]): string => {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let p = 0; p < parts.length; p++) {
    const text = parts[p];
    if (p > 0) {
      h1 = Math.imul(h1 ^ 124, 2654435761);
      h2 = Math.imul(h2 ^ 124, 1597334677);
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex53((2097151 & h2) >>> 0, h1 >>> 0);
};

const str = (v: unknown): string => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));

/** A stable, opaque fingerprint: same rule, object (by kind/namespace/name) and evidence path give the same value. */
export const fingerprintOf = (f: Fingerprintable): string =>
  cyrb53Parts([str(f.ruleId), str(f.resource.kind), str(f.resource.namespace), str(f.resource.name), str(f.evidence?.[0]?.path)]);

const ZBaselineFinding = z.looseObject({
  ruleId: z.string().min(1),
  severity: z.string().optional(),
  message: z.string().optional(),
  resource: z.looseObject({ kind: z.string(), namespace: z.string().optional(), name: z.string() }),
  evidence: z.array(z.looseObject({ path: z.string() })).optional(),
});
export type TBaselineFinding = z.infer<typeof ZBaselineFinding>;

/** An earlier `tower scan --format json` result; only its findings matter. */
export const ZBaseline = z.looseObject({ findings: z.array(ZBaselineFinding) });

export class BaselineFileError extends Error {}

export const parseBaseline = (data: unknown): TBaselineFinding[] => {
  const parsed = ZBaseline.safeParse(data);
  if (parsed.success) return parsed.data.findings;
  const issue = parsed.error.issues[0];
  const where = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
  throw new BaselineFileError(`not a tower scan JSON result: ${where || "file"}: ${issue.message}`);
};

export type BaselineComparison<F> = { new: F[]; fixed: TBaselineFinding[]; unchanged: number };

/** Compares by fingerprint, as multisets: two identical findings in the baseline need two now to be unchanged. */
export const compareWithBaseline = <F extends Fingerprintable>(current: readonly F[], baseline: readonly TBaselineFinding[]): BaselineComparison<F> => {
  const remaining = new Map<string, TBaselineFinding[]>();
  for (const b of baseline) {
    const key = fingerprintKey(b);
    const list = remaining.get(key);
    if (list) list.push(b);
    else remaining.set(key, [b]);
  }
  const result: BaselineComparison<F> = { new: [], fixed: [], unchanged: 0 };
  for (const f of current) {
    const list = remaining.get(fingerprintKey(f));
    if (list?.length) {
      list.pop();
      result.unchanged++;
    } else result.new.push(f);
  }
  for (const list of remaining.values()) result.fixed.push(...list);
  return result;
};
