import fs from "node:fs";
import path from "node:path";
import type { ReportError } from "../../../lib/scanner/format/report";

export type InputText = { file: string; text: string };
export type ReadInputsResult = { inputs: InputText[]; errors: ReportError[] };

export const STDIN_NAME = "<stdin>";
const MANIFEST_EXT = /\.(ya?ml|json)$/i;

const tooBig = (file: string, size: number, max: number): ReportError => ({
  file,
  message: `file is ${size} bytes, over the --max-file-size limit of ${max} bytes; skipped`,
});

const readStdin = async (maxBytes: number): Promise<InputText | ReportError> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes) {
      process.stdin.destroy();
      return tooBig(STDIN_NAME, size, maxBytes);
    }
    chunks.push(buf);
  }
  return { file: STDIN_NAME, text: Buffer.concat(chunks).toString("utf8") };
};

/** Manifest files under a directory, sorted; hidden directories and node_modules are skipped, symlink loops broken. */
const walk = (dir: string, out: string[], seen: Set<string>) => {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const st = fs.statSync(full, { throwIfNoEntry: false });
      isDir = !!st?.isDirectory();
      isFile = !!st?.isFile();
    }
    if (isDir) {
      if (!e.name.startsWith(".") && e.name !== "node_modules") walk(full, out, seen);
    } else if (isFile && MANIFEST_EXT.test(e.name)) out.push(full);
  }
};

const readFileInput = (file: string, maxBytes: number): InputText | ReportError => {
  try {
    const st = fs.statSync(file);
    if (st.size > maxBytes) return tooBig(file, st.size, maxBytes);
    return { file, text: fs.readFileSync(file, "utf8") };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { file, message: code === "ENOENT" ? "no such file or directory" : code === "EACCES" ? "permission denied" : String((err as Error).message) };
  }
};

/**
 * Reads every PATH (files, directories, "-" for stdin) one file at a time, so that a caller can parse and drop
 * each text before the next is read. Problems are yielded as errors naming the file, never thrown.
 */
export async function* iterateInputs(paths: readonly string[], opts: { maxFileSize: number }): AsyncGenerator<InputText | ReportError> {
  let stdinUsed = false;
  for (const p of paths) {
    if (p === "-") {
      if (!stdinUsed) yield await readStdin(opts.maxFileSize);
      stdinUsed = true;
      continue;
    }
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) {
      yield { file: p, message: "no such file or directory" };
      continue;
    }
    if (!st.isDirectory()) {
      yield readFileInput(p, opts.maxFileSize);
      continue;
    }
    const files: string[] = [];
    walk(p, files, new Set());
    if (!files.length) yield { file: p, message: "directory holds no *.yaml, *.yml or *.json files" };
    for (const f of files) yield readFileInput(f, opts.maxFileSize);
  }
}

export const isInputText = (r: InputText | ReportError): r is InputText => "text" in r;

/** All inputs at once (small inputs, tests). */
export const readInputs = async (paths: readonly string[], opts: { maxFileSize: number }): Promise<ReadInputsResult> => {
  const result: ReadInputsResult = { inputs: [], errors: [] };
  for await (const r of iterateInputs(paths, opts)) {
    if (isInputText(r)) result.inputs.push(r);
    else result.errors.push(r);
  }
  return result;
};
