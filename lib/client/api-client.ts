// The workbench talks to the same /api/v1 handlers that scripts use, so the
// UI and the API cannot drift apart. Errors arrive as problem+json.

export type ProblemBody = {
  title: string;
  status: number;
  detail: string;
  errors?: Record<string, string>;
  current?: unknown;
};

export type ApiResult<T> = { ok: true; data: T } | { ok: false; problem: ProblemBody };

export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
  } catch {
    return {
      ok: false,
      problem: { title: "Network error", status: 0, detail: "Could not reach the server. Your work is still here; try again." },
    };
  }
  if (response.status === 204) return { ok: true, data: undefined as T };
  const body = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, data: body as T };
  const problem = (body ?? {}) as Partial<ProblemBody>;
  return {
    ok: false,
    problem: {
      title: problem.title ?? "Request failed",
      status: response.status,
      detail: problem.detail ?? `The server answered ${response.status}.`,
      errors: problem.errors,
      current: problem.current,
    },
  };
}
