// Events, negation, denials and attributions of two sentences.
import type { SentenceFeatures } from "../features";
import type { EventMention } from "../features/events";
import { FRAME_LABEL, type EventFrame } from "../frames";
import { quote, SIDE_A, SIDE_B, type Evidence } from "./evidence";

type FrameSummary = { positive: EventMention[]; negative: EventMention[] };

function summarize(events: EventMention[]): Map<EventFrame, FrameSummary> {
  const frames = new Map<EventFrame, FrameSummary>();
  for (const event of events) {
    let summary = frames.get(event.frame);
    if (!summary) frames.set(event.frame, (summary = { positive: [], negative: [] }));
    (event.polarity === 1 ? summary.positive : summary.negative).push(event);
  }
  return frames;
}

/** "leaving", or "rules out an increase" for a negated "would not raise". */
function describeEvent(event: EventMention, positive: string, negative: string): string {
  if (!event.isNegated) return event.polarity === 1 ? positive : negative;
  return `rules out ${event.polarity === 1 ? negative : positive}`;
}

function pickEvent(side: FrameSummary, polarity: number): EventMention {
  if (polarity === 1 && side.positive.length > 0) return side.positive[0]!;
  if (polarity === -1 && side.negative.length > 0) return side.negative[0]!;
  return [...side.negative, ...side.positive][0]!;
}

/** Same frame, opposite polarity on each side → contradiction; same polarity → agreement. */
export function compareEvents(left: EventMention[], right: EventMention[], hasSharedTopic: boolean): Evidence[] {
  const found: Evidence[] = [];
  const a = summarize(left);
  const b = summarize(right);
  for (const [frame, sideA] of a) {
    const sideB = b.get(frame);
    // "rising tensions" and "expanding operations" are not one change: a change needs a shared topic word.
    if (!sideB || (frame === "change" && !hasSharedTopic)) continue;
    const [positive, negative] = FRAME_LABEL.get(frame)!;
    const pureA = sideA.positive.length === 0 ? -1 : sideA.negative.length === 0 ? 1 : 0;
    const pureB = sideB.positive.length === 0 ? -1 : sideB.negative.length === 0 ? 1 : 0;
    if (pureA !== 0 && pureB !== 0 && pureA !== pureB) {
      const eventA = (pureA === 1 ? sideA.positive : sideA.negative)[0]!;
      const eventB = (pureB === 1 ? sideB.positive : sideB.negative)[0]!;
      const labelA = describeEvent(eventA, positive, negative);
      const labelB = describeEvent(eventB, positive, negative);
      found.push({
        kind: "contradiction",
        type: "event",
        weight: 0.5,
        reason: `${SIDE_A}: ${quote(eventA.text)} (${labelA}), ${SIDE_B}: ${quote(eventB.text)} (${labelB}) — opposite accounts`,
      });
    } else {
      // Same polarity, or one side mixed ("withdrew, but has not vanished") sharing the other's polarity.
      const polarity = pureA !== 0 ? pureA : pureB;
      const pickA = pickEvent(sideA, polarity);
      const pickB = pickEvent(sideB, polarity);
      const label = polarity === 1 ? positive : polarity === -1 ? negative : `both ${negative} and ${positive}`;
      const weight = pureA === 0 && pureB === 0 ? 0.4 : pureA === pureB ? 0.3 : 0.25;
      found.push({
        kind: "agreement",
        type: "event",
        weight,
        reason: `both report ${label}: ${SIDE_A}: ${quote(pickA.text)}, ${SIDE_B}: ${quote(pickB.text)}`,
      });
    }
  }
  return found;
}

/** The same content verb asserted on one side and negated on the other: "confirmed" / "did not confirm". */
export function compareNegation(left: SentenceFeatures, right: SentenceFeatures, shared: Set<string>): Evidence | null {
  for (const term of shared) {
    const a = left.verbs.get(term);
    const b = right.verbs.get(term);
    if (!a || !b || a.isNegated === b.isNegated) continue;
    return {
      kind: "contradiction",
      type: "negation",
      weight: 0.5,
      reason: `${SIDE_A}: ${quote(a.text)}, ${SIDE_B}: ${quote(b.text)} — one affirms what the other negates`,
    };
  }
  return null;
}

/** A denial on one side only, of something the other side states: what follows the denial must meet the other sentence. */
export function compareDenials(left: SentenceFeatures, right: SentenceFeatures): Evidence | null {
  const a = left.stance.denial;
  const b = right.stance.denial;
  if (a && b)
    return {
      kind: "agreement",
      type: "denial",
      weight: 0.3,
      reason: `both report a denial: ${SIDE_A}: ${quote(a.text)}, ${SIDE_B}: ${quote(b.text)}`,
    };
  const denier = a ? left : b ? right : null;
  if (!denier || !denier.stance.denial) return null;
  const other = denier === left ? right : left;
  // What is denied is held as lemmas; the other sentence's terms are stems, each with a lemma it was seen as.
  const otherLemmas = new Set(other.termWords.values());
  const denied = [...denier.stance.denied].filter((lemma) => otherLemmas.has(lemma) || other.terms.has(lemma));
  if (denied.length === 0) return null;
  const side = denier === left ? SIDE_A : SIDE_B;
  const words = denied
    .slice(0, 3)
    .map((term) => `‘${term}’`)
    .join(", ");
  return {
    kind: "contradiction",
    type: "denial",
    weight: 0.45,
    reason: `${side} reports a denial (${quote(denier.stance.denial.text)}) of what the other states (${words})`,
  };
}

/** Both attribute the statement to someone, to different people. */
export function compareSpeakers(left: SentenceFeatures, right: SentenceFeatures): Evidence | null {
  const a = left.stance.speakers;
  const b = right.stance.speakers;
  if (a.length === 0 || b.length === 0) return null;
  if (a.some((speaker) => b.includes(speaker)))
    return { kind: "agreement", type: "speaker", weight: 0.2, reason: `both attribute it to ${a.find((s) => b.includes(s))}` };
  return {
    kind: "contradiction",
    type: "speaker",
    weight: 0.5,
    reason: `${SIDE_A} attributes it to ${a[0]}, ${SIDE_B} to ${b[0]} — different sources for the same statement`,
  };
}

/** What the withholding side says is not known, against an amount, date or time the other side gives. */
function givenDetail(features: SentenceFeatures): string | null {
  const detail = features.quantities[0]?.text ?? features.dates[0]?.text ?? features.times[0]?.text;
  return detail ?? null;
}

/**
 * One side gives a figure or a date; the other says that information is not
 * known or not given ("has not disclosed the price", "no date has been set").
 */
export function compareWithheld(left: SentenceFeatures, right: SentenceFeatures): Evidence | null {
  const [holder, giver] =
    left.stance.withheld && !right.stance.withheld
      ? [left, right]
      : right.stance.withheld && !left.stance.withheld
        ? [right, left]
        : [null, null];
  if (!holder || !giver) return null;
  const detail = givenDetail(giver);
  const withheld = holder.stance.withheld!;
  const topic = [...holder.stance.negatedTerms].some((term) => giver.terms.has(term));
  if (!detail || !topic) return null;
  const [holderSide, giverSide] = holder === left ? [SIDE_A, SIDE_B] : [SIDE_B, SIDE_A];
  return {
    kind: "contradiction",
    type: "negation",
    weight: 0.45,
    reason: `${giverSide} gives ${quote(detail)}, ${holderSide} says it is not known (${quote(withheld.text)})`,
  };
}

/**
 * One side negates something the other side states about the same subject
 * ("have not yet received an application for approval" against "expects the
 * vaccine to be approved"): the negated part must contain a word the other
 * sentence shares, and the other sentence must not be negated itself.
 */
export function compareNegatedTopic(left: SentenceFeatures, right: SentenceFeatures): Evidence | null {
  const isNegated = (features: SentenceFeatures) => features.stance.negations.length > 0;
  if (isNegated(left) === isNegated(right)) return null;
  const [negator, other] = isNegated(left) ? [left, right] : [right, left];
  const shared = [...negator.stance.negatedTerms].filter((term) => other.terms.has(term) && !/^\d/.test(term));
  if (shared.length === 0) return null;
  const [side, otherSide] = negator === left ? [SIDE_A, SIDE_B] : [SIDE_B, SIDE_A];
  const negation = negator.stance.negations[0]!;
  // An event the negation reaches ("not yet received an application for approval") that the other side affirms ("approved").
  const event = negator.events.find(
    (mention) => !mention.isNegated && mention.index > negation.index && mention.index - negation.index <= 8,
  );
  const affirmed = event && other.events.find((mention) => mention.frame === event.frame && !mention.isNegated);
  if (event && affirmed) {
    return {
      kind: "contradiction",
      type: "negation",
      weight: 0.45,
      reason: `${side} says it has not happened (${quote(negation.text)} … ${quote(event.text)}), ${otherSide}: ${quote(affirmed.text)}`,
    };
  }
  const word = negator.termWords.get(shared[0]!) ?? shared[0]!;
  return {
    kind: "contradiction",
    type: "negation",
    weight: 0.35,
    reason: `${side} negates what the other states about ‘${word}’ (${quote(negation.text)})`,
  };
}
