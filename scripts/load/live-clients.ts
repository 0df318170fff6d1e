// The load: signed-in users, live-stream clients that record every event,
// and writers that create annotations as fast as the server acknowledges.
import { createSseParser } from "../../lib/live/sse-parser";
import { LOAD_PASSWORD, type LoadUser } from "./live-cluster";
import type { ClientRecord, Write } from "./live-stats";

/** Signs in through next-auth's endpoints; returns the Cookie header. Sessions are JWTs, valid on every instance. */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!.trim(), value.join("="));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: LOAD_PASSWORD, json: "true" }),
    redirect: "manual",
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  return cookie();
}

export type StreamClient = ClientRecord & { ready: Promise<void>; close: () => void };

/** One browser-like stream on `url`; records each feed event about an annotation with its arrival time. */
export function openClient(url: string, cookie: string, user: LoadUser): StreamClient {
  const abort = new AbortController();
  let onReady: () => void = () => {};
  let onFail: (error: Error) => void = () => {};
  const record: StreamClient = {
    userId: user.id,
    isAdmin: user.role === "admin",
    stayedConnected: true,
    received: [],
    ready: new Promise<void>((resolve, reject) => ((onReady = resolve), (onFail = reject))),
    close: () => abort.abort(),
  };
  const parse = createSseParser((message) => {
    if (message.type === "hello") onReady();
    if (message.type === "resync" || message.type === "reload" || message.type === "signed-out") record.stayedConnected = false;
    if (message.type !== "annotation" || message.id === null) return;
    const data = JSON.parse(message.data) as { id: string; action: string };
    record.received.push({ annotationId: data.id, seq: Number(message.id), at: Date.now(), action: data.action });
  });
  void (async () => {
    try {
      const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parse(decoder.decode(value, { stream: true }));
      }
      if (!abort.signal.aborted) record.stayedConnected = false;
    } catch (error) {
      if (!abort.signal.aborted) {
        record.stayedConnected = false;
        onFail(error instanceof Error ? error : new Error(String(error)));
      }
    }
  })();
  return record;
}

export type Passage = { sourceId: string; start: number; end: number; exact: string };

/** Note-sized passages (sentences) of the comparison's first source, for writers to annotate. */
export function passagesOf(text: string, sourceId: string): Passage[] {
  const passages: Passage[] = [];
  const sentence = /[^.!?\n]{20,200}[.!?]/g;
  for (let match = sentence.exec(text); match; match = sentence.exec(text)) {
    const exact = match[0].trim();
    const start = text.indexOf(exact, match.index);
    passages.push({ sourceId, start, end: start + exact.length, exact });
  }
  return passages;
}

export type WriterResult = { writes: Write[]; latencies: number[]; errors: Map<number, number> };

/** Creates annotations back to back until `until`; one in five is a draft (private to its author). */
export async function runWriter(
  baseUrl: string,
  cookie: string,
  author: LoadUser,
  comparisonId: string,
  passages: Passage[],
  until: number,
  label: string,
): Promise<WriterResult> {
  const result: WriterResult = { writes: [], latencies: [], errors: new Map() };
  for (let n = 0; Date.now() < until; n++) {
    const passage = passages[(n * 7 + label.length) % passages.length]!;
    const isDraft = n % 5 === 4;
    const sentAt = Date.now();
    const response = await fetch(`${baseUrl}/api/v1/comparisons/${comparisonId}/annotations`, {
      method: "POST",
      headers: { "Content-Type": "application/json", cookie },
      body: JSON.stringify({ kind: "note", rationale: `Load ${label} #${n}`, spans: [passage], submit: !isDraft }),
    }).catch(() => null);
    const ackAt = Date.now();
    if (!response || response.status !== 201) {
      const status = response?.status ?? 0;
      result.errors.set(status, (result.errors.get(status) ?? 0) + 1);
      await response?.text().catch(() => "");
      continue;
    }
    const { id } = (await response.json()) as { id: string };
    result.writes.push({ id, authorId: author.id, isDraft, sentAt, ackAt });
    result.latencies.push(ackAt - sentAt);
  }
  return result;
}
