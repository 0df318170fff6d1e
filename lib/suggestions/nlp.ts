// The one place the engine touches the NLP library: wink-nlp with its
// English "lite" model (the model ships inside the npm package; nothing is
// downloaded). Everything downstream works on the flat token table built
// here, so the rest of the engine is plain array code.
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function getNlp(): Nlp {
  // Loading the model takes ~100 ms: do it once, on first use.
  nlp ??= winkNLP(model);
  return nlp;
}

export type WinkEntity = { type: string; first: number; last: number };

/** Tokens of one text as parallel arrays; `start`/`end` are UTF-16 offsets into `text`. */
export type TokenTable = {
  text: string;
  count: number;
  start: Int32Array;
  end: Int32Array;
  value: string[];
  lower: string[];
  lemma: string[];
  /** Porter stems, lowercase: "employs" and "employers" both give "employ". */
  stem: string[];
  pos: string[];
  type: string[];
  isStop: Uint8Array;
  /** Wink's sentence boundaries as inclusive token ranges. */
  sentences: Array<[number, number]>;
  /** Wink's entities (DATE, TIME, CARDINAL, MONEY, PERCENT, …) as inclusive token ranges. */
  entities: WinkEntity[];
};

/** Tokenizes, tags and finds entities in `text`, with exact offsets for every token. */
export function analyzeText(text: string): TokenTable {
  const engine = getNlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const tokens = doc.tokens();
  const value = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const count = value.length;
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  // Wink's tokenizer is lossless: preceding whitespace + token values rebuild
  // the text. Locate each token with indexOf anyway, so a library change that
  // normalised a character could never shift later offsets.
  let at = 0;
  for (let i = 0; i < count; i++) {
    const token = value[i]!;
    const guess = at + spaces[i]!.length;
    const found = text.startsWith(token, guess) ? guess : text.indexOf(token, at);
    const position = found === -1 ? guess : found;
    start[i] = position;
    end[i] = Math.min(text.length, position + token.length);
    at = end[i]!;
  }
  const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
  const sentences = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  const entitySpans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
  const entityTypes = doc.entities().out(its.type) as string[];
  return {
    text,
    count,
    start,
    end,
    value,
    lower: value.map((token) => token.toLowerCase()),
    lemma: (tokens.out(its.lemma as unknown as typeof its.value) as string[]).map((lemma) => lemma.toLowerCase()),
    stem: tokens.out(its.stem as unknown as typeof its.value) as string[],
    pos: tokens.out(its.pos) as string[],
    type: tokens.out(its.type) as string[],
    isStop: Uint8Array.from(stops, (flag) => (flag ? 1 : 0)),
    sentences,
    entities: entitySpans.map(([first, last], i) => ({ type: entityTypes[i] ?? "", first, last })),
  };
}
