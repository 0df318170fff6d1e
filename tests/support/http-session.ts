// A signed-in HTTP client for out-of-process tests and load runs (fault test,
// load harness): signs in through next-auth's endpoints like a browser
// (csrf cookie + token, credentials callback) and keeps the cookies.

export type HttpSession = { baseUrl: string; email: string; cookie: string };

export type TimedResponse = {
  status: number;
  contentType: string;
  body: unknown;
  startedAt: number;
  ms: number;
};

function mergeCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const index = pair!.indexOf("=");
    if (index > 0) jar.set(pair!.slice(0, index).trim(), pair!.slice(index + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

export async function signInSession(baseUrl: string, email: string, password: string): Promise<HttpSession> {
  const jar = new Map<string, string>();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  mergeCookies(jar, csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  mergeCookies(jar, callback);
  const session = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { Cookie: cookieHeader(jar) } })).json()) as {
    user?: { email?: string };
  };
  if (session.user?.email !== email) throw new Error(`Sign-in as ${email} failed (status ${callback.status})`);
  return { baseUrl, email, cookie: cookieHeader(jar) };
}

/** One JSON request, timed; network failures and timeouts come back as status 0 with the error message as body. */
export async function requestJson(
  session: HttpSession,
  method: string,
  path: string,
  body?: unknown,
  timeoutMs = 10_000,
): Promise<TimedResponse> {
  const startedAt = Date.now();
  try {
    const response = await fetch(`${session.baseUrl}${path}`, {
      method,
      headers: { Cookie: session.cookie, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const contentType = response.headers.get("content-type") ?? "";
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, contentType, body: parsed, startedAt, ms: Date.now() - startedAt };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { status: 0, contentType: "", body: message, startedAt, ms: Date.now() - startedAt };
  }
}
