import type { JsonPatchOp } from "./types";

export const isJsonPatch = (v: unknown): v is JsonPatchOp[] =>
  Array.isArray(v) && v.length > 0 && v.every((op) => op && typeof op === "object" && typeof op.op === "string" && typeof op.path === "string");

const unescape = (s: string) => s.replace(/~1/g, "/").replace(/~0/g, "~");

/**
 * Rebuilds a sparse object from the add/replace operations of a JSON patch, so that the same object checks
 * (privileged, hostPath, roleRef...) run on patches: `[{op:add, path:/spec/template/spec/containers/-, value:{...}}]`
 * becomes `{spec:{template:{spec:{containers:[{...}]}}}}`.
 */
export const patchToObject = (ops: JsonPatchOp[]): Record<string, unknown> => {
  const root: Record<string, unknown> = {};
  for (const op of ops) {
    if (op.op !== "add" && op.op !== "replace") continue;
    const keys = op.path.split("/").slice(1).map(unescape);
    if (keys.length === 0) {
      if (op.value && typeof op.value === "object" && !Array.isArray(op.value)) Object.assign(root, op.value);
      continue;
    }
    let cur: Record<string, unknown> | unknown[] = root;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const nextIsIndex = !last && /^(\d+|-)$/.test(keys[i + 1]);
      if (Array.isArray(cur)) {
        const idx = key === "-" ? cur.length : Number(key);
        if (last) cur[idx] = op.value;
        else cur = ((cur[idx] ??= nextIsIndex ? [] : {}) as Record<string, unknown> | unknown[]);
        return;
      }
      if (last) cur[key] = op.value;
      else cur = ((cur[key] ??= nextIsIndex ? [] : {}) as Record<string, unknown> | unknown[]);
    });
  }
  return root;
};
