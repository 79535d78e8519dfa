import type { ExecInfo } from "./types";

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
};

/** Query parameters of a requestURI, repeated keys kept in order (`?command=sh&command=-c`). */
export const parseQuery = (uri: string): Record<string, string[]> => {
  const q = uri.indexOf("?");
  const out: Record<string, string[]> = {};
  if (q < 0) return out;
  for (const part of uri.slice(q + 1).split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? "" : decode(part.slice(eq + 1));
    (out[key] ??= []).push(value);
  }
  return out;
};

export const pathOf = (uri: string): string => {
  const q = uri.indexOf("?");
  return q < 0 ? uri : uri.slice(0, q);
};

const isTrue = (v: string[] | undefined) => v?.some((x) => x === "true" || x === "1") ?? false;

const asStrings = (v: unknown): string[] | undefined => {
  if (typeof v === "string") return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v as string[];
  return undefined;
};

/**
 * The command of an exec/attach: from the requestURI query, or from a requestObject carrying `command`
 * (synthetic samples and some managed-cloud exports do this; the apiserver itself never logs a body for exec).
 */
export const execInfoOf = (uri: string, requestObject: unknown): ExecInfo => {
  const q = parseQuery(uri);
  let command = q.command ?? [];
  let container: string | undefined = q.container?.[0];
  if (command.length === 0 && requestObject && typeof requestObject === "object") {
    const body = requestObject as Record<string, unknown>;
    command = asStrings(body.command) ?? [];
    container ??= typeof body.container === "string" ? body.container : undefined;
  }
  return { command, container, stdin: isTrue(q.stdin), tty: isTrue(q.tty) };
};
