// Concurrent writers for the fault test: each creates annotations and edits its
// own, the way the workbench does, and writes down in a ledger exactly what the
// server acknowledged (2xx) and what it attempted without an answer (an error
// or a 503 leaves the outcome open: the commit may or may not have happened).
import { pickSpan, type ComparisonSource } from "../support/comparison-sources";
import { requestJson, type HttpSession, type TimedResponse } from "../support/http-session";

export type SpanContent = { sourceId: string; start: number; end: number; exact: string };
export type Content = { kind: "agreement" | "contradiction" | "note"; rationale: string; spans: SpanContent[] };
export type Ack = { version: number; content: Content };

export type Tracked = {
  id: string;
  /** Acknowledged states, in the order the server acknowledged them. */
  acks: Ack[];
  /** Edits sent whose outcome is unknown. */
  unanswered: Content[];
  knownVersion: number;
  needsResync: boolean;
};

export type RequestRecord = {
  op: "create" | "edit" | "read";
  status: number;
  ms: number;
  startedAt: number;
  isProblemJson: boolean;
  detail?: string;
};

export type Ledger = {
  annotations: Map<string, Tracked>;
  /** Creates sent whose outcome is unknown, by rationale (unique per attempt). */
  unansweredCreates: Map<string, Content>;
  requests: RequestRecord[];
  /** Things that must never happen, described. */
  violations: string[];
};

export type WriterContext = {
  session: HttpSession;
  comparisonId: string;
  sources: ComparisonSource[];
  ledger: Ledger;
  runTag: string;
  writer: number;
  random: () => number;
  shouldStop: () => boolean;
};

export function createLedger(): Ledger {
  return { annotations: new Map(), unansweredCreates: new Map(), requests: [], violations: [] };
}

type AnnotationBody = { id: string; version: number; kind: Content["kind"]; rationale: string; spans: SpanContent[] };

export function contentOf(body: { kind: Content["kind"]; rationale: string; spans: SpanContent[] }): Content {
  return {
    kind: body.kind,
    rationale: body.rationale,
    spans: body.spans.map(({ sourceId, start, end, exact }) => ({ sourceId, start, end, exact })),
  };
}

export function isSameContent(a: Content, b: Content): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function makeContent(context: WriterContext, serial: number): Content {
  const { random, sources } = context;
  const roll = random();
  const kind: Content["kind"] = roll < 0.34 ? "note" : roll < 0.67 ? "agreement" : "contradiction";
  const rationale = `${context.runTag} w${context.writer} #${serial} ${random().toString(36).slice(2, 10)} — “quoted” café`;
  const spans =
    kind === "note"
      ? [pickSpan(sources[Math.floor(random() * sources.length)]!, random)]
      : [pickSpan(sources[0]!, random), pickSpan(sources[1]!, random)];
  return { kind, rationale, spans };
}

function record(context: WriterContext, op: RequestRecord["op"], response: TimedResponse): void {
  const isProblemJson = response.contentType.startsWith("application/problem+json");
  const detail = response.status === 0 || response.status >= 500 ? JSON.stringify(response.body).slice(0, 200) : undefined;
  context.ledger.requests.push({ op, status: response.status, ms: response.ms, startedAt: response.startedAt, isProblemJson, detail });
}

/** Status 0 (no answer) and 5xx leave a write's outcome open. */
const isOutcomeUnknown = (status: number) => status === 0 || status >= 500;

/** Past this a request counts as hung: far above any bounded wait, so that a slow, busy machine is not mistaken for a hang. */
export const HANG_MS = 30_000;

async function create(context: WriterContext, serial: number): Promise<Tracked | undefined> {
  const content = makeContent(context, serial);
  const path = `/api/v1/comparisons/${context.comparisonId}/annotations`;
  const response = await requestJson(context.session, "POST", path, { ...content, submit: false }, HANG_MS);
  record(context, "create", response);
  if (response.status === 201) {
    const body = response.body as AnnotationBody;
    if (!isSameContent(contentOf(body), content) || body.version !== 1) {
      context.ledger.violations.push(`create ${body.id}: the 201 does not echo what was sent`);
    }
    const tracked: Tracked = {
      id: body.id,
      acks: [{ version: body.version, content: contentOf(body) }],
      unanswered: [],
      knownVersion: body.version,
      needsResync: false,
    };
    context.ledger.annotations.set(body.id, tracked);
    return tracked;
  }
  if (isOutcomeUnknown(response.status)) context.ledger.unansweredCreates.set(content.rationale, content);
  else context.ledger.violations.push(`create answered ${response.status}: ${JSON.stringify(response.body).slice(0, 200)}`);
  return undefined;
}

/** After an unanswered edit: learn the current version; it must never be older than an acknowledged one. */
async function resync(context: WriterContext, tracked: Tracked): Promise<boolean> {
  const response = await requestJson(context.session, "GET", `/api/v1/annotations/${tracked.id}`, undefined, HANG_MS);
  record(context, "read", response);
  if (response.status !== 200) return false;
  const body = response.body as AnnotationBody;
  const lastAck = tracked.acks.at(-1)!;
  if (body.version < lastAck.version)
    context.ledger.violations.push(`${tracked.id}: read version ${body.version} after version ${lastAck.version} was acknowledged`);
  tracked.knownVersion = body.version;
  tracked.needsResync = false;
  return true;
}

async function edit(context: WriterContext, tracked: Tracked, serial: number): Promise<void> {
  if (tracked.needsResync && !(await resync(context, tracked))) return;
  if (context.shouldStop()) return; // shutting down: send nothing new
  const fresh = makeContent(context, serial);
  const previous = tracked.acks.at(-1)!.content;
  // Half the edits change only the rationale, half also the kind and passages.
  const content = context.random() < 0.5 ? { ...previous, rationale: fresh.rationale } : fresh;
  const body = { version: tracked.knownVersion, ...content };
  const response = await requestJson(context.session, "PATCH", `/api/v1/annotations/${tracked.id}`, body, HANG_MS);
  record(context, "edit", response);
  if (response.status === 200) {
    const body = response.body as AnnotationBody;
    const lastAck = tracked.acks.at(-1)!;
    if (body.version <= lastAck.version)
      context.ledger.violations.push(`${tracked.id}: acknowledged version ${body.version} after ${lastAck.version}`);
    if (!isSameContent(contentOf(body), content)) context.ledger.violations.push(`${tracked.id}: the 200 does not echo what was sent`);
    tracked.acks.push({ version: body.version, content: contentOf(body) });
    tracked.knownVersion = body.version;
    return;
  }
  if (response.status === 409) {
    // Only after an unanswered edit that did commit: take the current version and go on.
    const current = (response.body as { current?: AnnotationBody }).current;
    if (current) tracked.knownVersion = current.version;
    else tracked.needsResync = true;
    return;
  }
  if (isOutcomeUnknown(response.status)) {
    tracked.unanswered.push(content);
    tracked.needsResync = true;
    return;
  }
  context.ledger.violations.push(`edit ${tracked.id} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 200)}`);
}

export async function runWriter(context: WriterContext): Promise<void> {
  const mine: Tracked[] = [];
  for (let serial = 1; !context.shouldStop(); serial++) {
    if (mine.length === 0 || context.random() < 0.35) {
      const tracked = await create(context, serial);
      if (tracked) mine.push(tracked);
    } else {
      await edit(context, mine[Math.floor(context.random() * mine.length)]!, serial);
    }
  }
}

/** Deterministic, seedable randomness (mulberry32), so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
