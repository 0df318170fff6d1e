// Word lists the feature extractors share. General English, matched on
// lowercased lemmas; nothing here is specific to any article.

/** Words and contractions that negate what follows. */
export const NEGATORS = new Set(["not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "nor", "without", "nowhere"]);

/** Verbs (lemmas) that deny or reject a statement. */
export const DENIAL_VERBS = new Set(["deny", "refute", "dispute", "reject", "dismiss", "rebut", "contest", "disavow", "contradict"]);
/** Nouns/adjectives of denial: "a denial", "false", "baseless". */
export const DENIAL_WORDS = new Set(["denial", "false", "baseless", "unfounded", "untrue", "fabricated", "groundless"]);

/** Phrasal denials: "ruled out", "played down", "brushed aside" (verb lemma → particle). */
export const DENIAL_PHRASES = new Map([
  ["rule", "out"],
  ["play", "down"],
  ["brush", "aside"],
  ["shoot", "down"],
]);

/**
 * Verbs that, negated, say a piece of information is withheld or missing:
 * "has not disclosed the price", "did not say when", "have not yet received".
 */
export const WITHHOLD_VERBS = new Set([
  "disclose",
  "reveal",
  "say",
  "give",
  "specify",
  "release",
  "publish",
  "announce",
  "know",
  "confirm",
  "receive",
  "set",
  "name",
  "decide",
]);
/** Words that say the same by themselves: "the cost is unknown", "an undisclosed sum". */
export const WITHHOLD_WORDS = new Set(["unknown", "unclear", "undisclosed", "unspecified", "unannounced", "undecided", "undetermined"]);

/** Reporting verbs that present a statement as someone's claim. */
export const CLAIM_VERBS = new Set(["claim", "allege", "assert", "insist", "contend", "argue", "purport"]);
export const REPORTING_VERBS = new Set([
  "say",
  "tell",
  "state",
  "report",
  "announce",
  "declare",
  "add",
  "explain",
  "note",
  "write",
  "call",
  "describe",
]);

/** Markers that weaken a statement: modals, hedging verbs and adverbs. */
export const MODAL_WORDS = new Set(["may", "might", "could", "would", "should", "can"]);
export const HEDGE_WORDS = new Set([
  "possibly",
  "potentially",
  "reportedly",
  "allegedly",
  "apparently",
  "likely",
  "unlikely",
  "probably",
  "perhaps",
  "seemingly",
  "presumably",
  "speculation",
  "rumour",
  "rumor",
  "suggest",
  "believe",
  "expect",
  "seem",
  "appear",
  "estimate",
  "poised",
  "plan",
  "intend",
  "unconfirmed",
]);
/** Markers that present a statement as settled. */
export const CERTAINTY_WORDS = new Set([
  "confirm",
  "confirmed",
  "officially",
  "definitely",
  "certainly",
  "clearly",
  "undoubtedly",
  "verify",
  "prove",
]);
