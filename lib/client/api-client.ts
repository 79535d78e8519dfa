export type TProblem = { title: string; status: number; detail: string; code: string; requestId?: string; invalid_params?: Array<{ name: string; reason: string }> };

/** An API error as the browser sees it: the server's problem+json, ready to show. */
export class ProblemError extends Error {
  constructor(readonly problem: TProblem) {
    super(problem.invalid_params?.length ? `${problem.detail}: ${problem.invalid_params.map((p) => `${p.name} ${p.reason}`).join("; ")}` : problem.detail);
  }
}

export const apiFetch = async <T,>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> => {
  const res = await fetch(path, {
    method: init.method ?? "GET",
    signal: init.signal,
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: "same-origin",
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ProblemError(data && typeof data === "object" && "detail" in data ? (data as TProblem) : { title: res.statusText, status: res.status, detail: `Request failed (${res.status})`, code: "unknown" });
  return data as T;
};
