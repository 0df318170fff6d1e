// Turns the evidence about one sentence pair into a kind, a 0–1 score and
// reasons. Relevance (how surely the two sentences speak of the same thing)
// scales the strength of the evidence, so a clash of numbers between
// unrelated sentences stays low.
import type { SentenceFeatures } from "../features";
import type { SuggestionKind } from "../types";
import { compareDates, compareQuantities, compareTimes, sharesCountedThing } from "./amounts";
import { quote, SIDE_A, SIDE_B, type Evidence } from "./evidence";
import { compareDenials, compareEvents, compareNegatedTopic, compareNegation, compareSpeakers, compareWithheld } from "./statements";

export type ScoredPair = { kind: SuggestionKind; score: number; reasons: string[] };

function combine(evidence: Evidence[]): number {
  return 1 - evidence.reduce((rest, item) => rest * (1 - item.weight), 1);
}

function intersect<T>(a: Set<T>, b: Set<T>): Set<T> {
  const shared = new Set<T>();
  for (const item of a) if (b.has(item)) shared.add(item);
  return shared;
}

/** IDF-weighted Jaccard overlap of the two sentences' names. */
function entityOverlap(a: Set<string>, b: Set<string>, idf: Map<string, number>): number {
  let shared = 0;
  let all = 0;
  for (const word of a) {
    const weight = idf.get(word) ?? 1;
    all += weight;
    if (b.has(word)) shared += weight;
  }
  for (const word of b) if (!a.has(word)) all += idf.get(word) ?? 1;
  return all === 0 ? 0 : shared / all;
}

/** "both name Africa Corps and Wagner" from A's surface forms of the shared roots. */
function sharedNames(a: SentenceFeatures, shared: Set<string>): string | null {
  const names: string[] = [];
  for (const entity of a.entities) {
    if (entity.root.split(" ").some((word) => shared.has(word)) && !names.includes(entity.surface)) names.push(entity.surface);
  }
  if (names.length === 0) return null;
  const listed = names.slice(0, 3);
  return `both name ${listed.length === 1 ? listed[0] : `${listed.slice(0, -1).join(", ")} and ${listed.at(-1)}`}`;
}

/** Shared content words (not names, frames, pairs or numbers), rarest first, as readable words. */
function sharedWords(a: SentenceFeatures, b: SentenceFeatures, names: Set<string>, idf: Map<string, number>): string[] {
  return [...a.termWords.keys()]
    .filter((term) => b.terms.has(term) && !names.has(term) && !/^\d/.test(term))
    .sort((x, y) => (idf.get(y) ?? 0) - (idf.get(x) ?? 0))
    .slice(0, 3)
    .map((term) => a.termWords.get(term)!);
}

export function scorePair(a: SentenceFeatures, b: SentenceFeatures, similarity: number, idf: Map<string, number>): ScoredPair | null {
  const names = intersect(a.entityWords, b.entityWords);
  const words = sharedWords(a, b, names, idf);
  // No shared name and no shared content word: nothing ties the two sentences to one subject.
  if (names.size === 0 && words.length === 0) return null;
  // The same kind of event about the same named actor is related however the sentences are worded.
  const hasSharedActor = names.size > 0 || [...a.nouns].some((noun) => b.nouns.has(noun));
  const hasFrameLink = hasSharedActor && a.events.some((event) => b.events.some((other) => other.frame === event.frame));
  // So does a count of the same thing in the same range ("212 passengers" / "around 200 passengers").
  const hasAmountLink = sharesCountedThing(a.quantities, b.quantities);
  const relevance = Math.max(
    0.7 * similarity + 0.3 * entityOverlap(a.entityWords, b.entityWords, idf),
    hasFrameLink || hasAmountLink ? 0.2 : 0,
  );
  const evidence: Evidence[] = [];
  const add = (item: Evidence | null) => item && evidence.push(item);
  const events = compareEvents(a.events, b.events, words.length > 0);
  const amounts = compareQuantities(a.quantities, b.quantities);
  // Amounts in otherwise unrelated sentences ("5,000 people marched", "14 people detained") count for less.
  if (amounts) add(similarity >= 0.2 || events.length > 0 ? amounts : { ...amounts, weight: amounts.weight * 0.7 });
  evidence.push(...events);
  const isSameEvent = events.length > 0 || similarity >= 0.12;
  if (isSameEvent) add(compareDates(a.dates, b.dates));
  if (isSameEvent) add(compareTimes(a.times, b.times));
  const negation = compareNegation(a, b, intersect(new Set(a.verbs.keys()), new Set(b.verbs.keys())));
  add(negation);
  if (similarity >= 0.15 && words.length > 0) add(compareDenials(a, b));
  if (similarity >= 0.15 && words.length > 0) add(compareWithheld(a, b));
  if (!negation && similarity >= 0.2 && words.length > 0) add(compareNegatedTopic(a, b));
  if (similarity >= 0.3) add(compareSpeakers(a, b));
  if (similarity >= 0.2) {
    const topic = words.length > 0 ? `both mention ${words.map((word) => `‘${word}’`).join(", ")}` : "same subject";
    evidence.push({ kind: "agreement", type: "same-fact", weight: Math.min(0.55, similarity), reason: topic });
  }
  const contradictions = evidence.filter((item) => item.kind === "contradiction");
  const agreements = evidence.filter((item) => item.kind === "agreement");
  const contradictionStrength = combine(contradictions);
  const agreementStrength = combine(agreements);
  if (contradictionStrength === 0 && agreementStrength === 0) return null;
  // One clear conflict outweighs any amount of shared detail.
  const hasClearConflict = contradictions.some((item) => item.weight >= 0.4);
  const kind: SuggestionKind = hasClearConflict || contradictionStrength > agreementStrength ? "contradiction" : "agreement";
  const chosen = (kind === "contradiction" ? contradictions : agreements).sort((x, y) => y.weight - x.weight);
  const strength = kind === "contradiction" ? contradictionStrength : agreementStrength;
  // A claim contradicted by the other source is what an analyst checks first.
  const isClaimContested = kind === "contradiction" && (a.stance.claim !== null) !== (b.stance.claim !== null);
  const boosted = isClaimContested ? 1 - (1 - strength) * 0.85 : strength;
  // Headlines restate the body: the body sentence is the one worth linking.
  const headingFactor = a.unit.isHeading || b.unit.isHeading ? 0.8 : 1;
  const score = headingFactor * boosted * (0.4 + 0.6 * Math.min(1, relevance / 0.3));
  const context = sharedNames(a, names);
  const reasons = [
    ...(context ? [context] : []),
    ...chosen.filter((item) => item.type !== "same-fact" || !context).map((item) => item.reason),
  ];
  if (kind === "agreement" && a.stance.hedge && !b.stance.hedge)
    reasons.push(`${SIDE_A} hedges (${quote(a.stance.hedge.text)}), ${SIDE_B} states it as fact`);
  if (kind === "agreement" && b.stance.hedge && !a.stance.hedge)
    reasons.push(`${SIDE_B} hedges (${quote(b.stance.hedge.text)}), ${SIDE_A} states it as fact`);
  if (a.stance.claim && !b.stance.claim) reasons.push(`${SIDE_A} presents it as a claim (${quote(a.stance.claim.text)})`);
  if (b.stance.claim && !a.stance.claim) reasons.push(`${SIDE_B} presents it as a claim (${quote(b.stance.claim.text)})`);
  return { kind, score: Math.round(score * 1000) / 1000, reasons };
}
