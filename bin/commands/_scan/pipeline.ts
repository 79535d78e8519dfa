import type { Rule } from "../../../lib/scanner/define-rule";
import { applyExceptions, type TExceptionEntry } from "../../../lib/scanner/exceptions";
import { buildReport, type CoverageEntry, type ReportError, type ScanReport } from "../../../lib/scanner/format/report";
import { DEFAULT_PARSE_LIMITS, parseManifests } from "../../../lib/scanner/parse";
import { scan } from "../../../lib/scanner/scan";
import type { TBaselineFinding } from "../../../lib/scanner/baseline";
import type { ClusterFacts, ScanOptions, SourcedObject } from "../../../lib/scanner/types";
import { isInputText, iterateInputs, type InputText } from "./inputs";

export type ParsedInputs = { objects: SourcedObject[]; errors: ReportError[]; skipped: number; filesRead: number };

// The yaml library composes recursively; a very deep document overflows the stack before the depth check sees it.
const clarify = (message: string) =>
  /maximum call stack size exceeded/i.test(message) ? "document nested too deeply to parse (stack overflow); rejected" : message;

const emptyParsed = (): ParsedInputs => ({ objects: [], errors: [], skipped: 0, filesRead: 0 });

/** Parses one input into `out`; a file counts as read when it yielded at least one document, even if others failed. */
export const parseInput = (input: InputText, maxFileSize: number, out: ParsedInputs): void => {
  const parsed = parseManifests(input.text, input.file, { ...DEFAULT_PARSE_LIMITS, maxBytes: maxFileSize });
  for (const o of parsed.objects) out.objects.push(o);
  for (const e of parsed.errors) out.errors.push({ ...e, message: clarify(e.message) });
  out.skipped += parsed.skipped;
  if (parsed.objects.length || parsed.skipped || !parsed.errors.length) out.filesRead++;
};

export const parseInputs = (inputs: readonly InputText[], maxFileSize: number): ParsedInputs => {
  const out = emptyParsed();
  for (const input of inputs) parseInput(input, maxFileSize, out);
  return out;
};

/** Reads and parses file by file, so that only one file's text is held at a time. */
export const readAndParse = async (paths: readonly string[], maxFileSize: number): Promise<ParsedInputs> => {
  const out = emptyParsed();
  for await (const r of iterateInputs(paths, { maxFileSize })) {
    if (isInputText(r)) parseInput(r, maxFileSize, out);
    else out.errors.push(r);
  }
  return out;
};

export type RunScanInput = {
  objects: readonly SourcedObject[];
  facts?: ClusterFacts;
  rules: readonly Rule[];
  options: ScanOptions;
  now: Date;
  exceptions: readonly TExceptionEntry[];
  baseline?: readonly TBaselineFinding[];
  errors: ReportError[];
  skipped: number;
  files: number;
  coverage?: CoverageEntry[];
};

/** scan() plus the plumbing around it: exceptions, baseline, report. */
export const runScan = (input: RunScanInput): ScanReport => {
  const result = scan({ objects: input.objects, facts: input.facts, now: input.now, options: input.options, rules: input.rules });
  const exceptions = applyExceptions({
    findings: result.findings,
    objects: input.objects.map((o) => o.obj),
    entries: input.exceptions,
    now: input.now,
    rules: input.rules,
  });
  return buildReport({
    stats: result.stats,
    exceptions,
    errors: input.errors,
    skippedDocuments: input.skipped,
    files: input.files,
    baseline: input.baseline,
    coverage: input.coverage,
  });
};
