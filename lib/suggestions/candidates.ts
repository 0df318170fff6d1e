// Which sentence pairs are worth comparing. TF-IDF over lemmas and entity
// roots (IDF from every sentence of every source), cosine similarity through
// an inverted index. Pruning keeps this near n·log n: a term shared by more
// than `maxPostings` sentences of the other source is skipped (it cannot
// single out a counterpart, and it is what makes all-pairs quadratic), and
// each sentence keeps only its `perSentence` best partners in each direction,
// so at most 2·k·n pairs reach the scorer and the final sort is O(n log n).
import type { SentenceFeatures } from "./features";

export type Candidate = { left: number; right: number; similarity: number };

export type Vectors = { weights: Array<Map<string, number>>; idf: Map<string, number> };

/** Unit-length TF-IDF vectors (sublinear tf) for the sentences of several sources at once. */
export function buildVectors(sources: SentenceFeatures[][]): Vectors[] {
  const documentFrequency = new Map<string, number>();
  let total = 0;
  for (const sentences of sources) {
    for (const sentence of sentences) {
      total++;
      for (const term of sentence.terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const idf = new Map<string, number>();
  for (const [term, df] of documentFrequency) idf.set(term, Math.log(1 + total / df));
  return sources.map((sentences) => ({
    idf,
    weights: sentences.map((sentence) => {
      const vector = new Map<string, number>();
      let norm = 0;
      for (const [term, tf] of sentence.terms) {
        const weight = (1 + Math.log(tf)) * idf.get(term)!;
        vector.set(term, weight);
        norm += weight * weight;
      }
      norm = Math.sqrt(norm) || 1;
      for (const [term, weight] of vector) vector.set(term, weight / norm);
      return vector;
    }),
  }));
}

type Posting = { sentence: number; weight: number };

function invert(weights: Array<Map<string, number>>): Map<string, Posting[]> {
  const index = new Map<string, Posting[]>();
  weights.forEach((vector, sentence) => {
    for (const [term, weight] of vector) {
      let postings = index.get(term);
      if (!postings) index.set(term, (postings = []));
      postings.push({ sentence, weight });
    }
  });
  return index;
}

/** Each query sentence's best `k` partners among `targetCount` sentences, by cosine similarity. */
function bestPartners(
  queries: Array<Map<string, number>>,
  index: Map<string, Posting[]>,
  targetCount: number,
  k: number,
  maxPostings: number,
): Array<Array<[number, number]>> {
  // Dense accumulator plus the list of touched slots: no map churn per query.
  const scores = new Float64Array(targetCount);
  const touched: number[] = [];
  return queries.map((vector) => {
    for (const slot of touched) scores[slot] = 0;
    touched.length = 0;
    for (const [term, weight] of vector) {
      const postings = index.get(term);
      if (!postings || postings.length > maxPostings) continue;
      for (const posting of postings) {
        if (scores[posting.sentence] === 0) touched.push(posting.sentence);
        scores[posting.sentence]! += weight * posting.weight;
      }
    }
    // Partial selection: k is small, so keep a short sorted list instead of sorting every score.
    const best: Array<[number, number]> = [];
    for (const sentence of touched) {
      const score = scores[sentence]!;
      if (best.length === k && score <= best[k - 1]![1]) continue;
      if (best.length === k) best.pop();
      let at = best.length;
      while (at > 0 && best[at - 1]![1] < score) at--;
      best.splice(at, 0, [sentence, score]);
    }
    return best;
  });
}

export type CandidateOptions = { perSentence: number; maxPostings?: number };

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

/** Keys "frame:polarity:word" (names and noun heads) of a sentence whose frame has one polarity only. */
function oppositionKeys(sentence: SentenceFeatures, flip: boolean): string[] {
  const polarities = new Map<string, number>();
  for (const event of sentence.events) {
    const seen = polarities.get(event.frame);
    polarities.set(event.frame, seen === undefined || seen === event.polarity ? event.polarity : 0);
  }
  const keys: string[] = [];
  for (const [frame, polarity] of polarities) {
    if (polarity === 0) continue;
    for (const word of [...sentence.entityWords, ...sentence.nouns]) keys.push(`${frame}:${flip ? -polarity : polarity}:${word}`);
  }
  return keys;
}

/**
 * Pairs that opposite events about a shared name make worth a look even when
 * their wording differs ("announced its departure" / "reappeared under a new
 * name"): an index of "frame:polarity:name", pruned like the terms.
 */
function findOppositions(left: SentenceFeatures[], right: SentenceFeatures[], maxPostings: number): Array<[number, number]> {
  const index = new Map<string, number[]>();
  right.forEach((sentence, r) => {
    for (const key of oppositionKeys(sentence, false)) {
      let postings = index.get(key);
      if (!postings) index.set(key, (postings = []));
      postings.push(r);
    }
  });
  const pairs: Array<[number, number]> = [];
  left.forEach((sentence, l) => {
    for (const key of oppositionKeys(sentence, true)) {
      const postings = index.get(key);
      if (postings && postings.length <= maxPostings) for (const r of postings) pairs.push([l, r]);
    }
  });
  return pairs;
}

/** Candidate pairs between two sources: both directions' best partners, plus opposite events about a shared name. */
export function findCandidates(
  left: { vectors: Vectors; sentences: SentenceFeatures[] },
  right: { vectors: Vectors; sentences: SentenceFeatures[] },
  options: CandidateOptions,
): Candidate[] {
  const size = Math.max(left.sentences.length, right.sentences.length);
  const maxPostings = options.maxPostings ?? Math.max(30, Math.ceil(2 * Math.sqrt(size)));
  const forward = bestPartners(
    left.vectors.weights,
    invert(right.vectors.weights),
    right.sentences.length,
    options.perSentence,
    maxPostings,
  );
  const backward = bestPartners(
    right.vectors.weights,
    invert(left.vectors.weights),
    left.sentences.length,
    options.perSentence,
    maxPostings,
  );
  const pairs = new Map<string, Candidate>();
  forward.forEach((partners, l) => partners.forEach(([r, similarity]) => pairs.set(`${l}:${r}`, { left: l, right: r, similarity })));
  backward.forEach((partners, r) => partners.forEach(([l, similarity]) => pairs.set(`${l}:${r}`, { left: l, right: r, similarity })));
  // Opposite events: each sentence keeps its `perSentence` most similar such partners.
  const opposed = new Map<number, Candidate[]>();
  for (const [l, r] of findOppositions(left.sentences, right.sentences, maxPostings)) {
    if (pairs.has(`${l}:${r}`)) continue;
    let list = opposed.get(l);
    if (!list) opposed.set(l, (list = []));
    if (!list.some((candidate) => candidate.right === r))
      list.push({ left: l, right: r, similarity: cosine(left.vectors.weights[l]!, right.vectors.weights[r]!) });
  }
  const extra = [...opposed.values()].flatMap((list) => list.sort((x, y) => y.similarity - x.similarity).slice(0, options.perSentence));
  return [...pairs.values(), ...extra];
}
