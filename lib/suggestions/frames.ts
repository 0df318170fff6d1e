// Event frames and the nouns the comparison rules group together. General
// English, matched on lowercased lemmas; nothing here is specific to any article.

/**
 * Event frames: verbs and nouns with a polarity inside one frame. Two
 * passages reporting the same frame with opposite polarity, about the same
 * subject, contradict each other; the same polarity agrees.
 */
export type EventFrame = "presence" | "change" | "operation" | "outcome" | "approval" | "custody" | "harm";

type FrameLexicon = { frame: EventFrame; positive: string[]; negative: string[]; label: [string, string] };

export const EVENT_FRAMES: FrameLexicon[] = [
  {
    frame: "presence",
    positive: ["remain", "stay", "persist", "reappear", "resurface", "reemerge", "linger", "endure", "maintain"],
    negative: [
      "withdraw",
      "withdrawal",
      "leave",
      "depart",
      "departure",
      "exit",
      "quit",
      "retreat",
      "pullout",
      "vanish",
      "disappear",
      "evacuate",
      "terminate",
      "goodbye",
      "over",
    ],
    label: ["staying", "leaving"],
  },
  {
    frame: "change",
    positive: [
      "increase",
      "rise",
      "grow",
      "climb",
      "jump",
      "soar",
      "surge",
      "expand",
      "gain",
      "boost",
      "raise",
      "double",
      "triple",
      "growth",
      "hike",
    ],
    negative: [
      "decrease",
      "fall",
      "drop",
      "decline",
      "shrink",
      "cut",
      "reduce",
      "slump",
      "plunge",
      "lower",
      "reduction",
      "halve",
      "slash",
      "dip",
    ],
    label: ["an increase", "a decrease"],
  },
  {
    frame: "operation",
    positive: ["open", "start", "begin", "launch", "resume", "reopen", "restart", "operate"],
    negative: ["close", "stop", "halt", "suspend", "shut", "cancel", "closure", "shutdown", "suspension", "postpone", "cease"],
    label: ["operating", "stopped"],
  },
  {
    frame: "outcome",
    positive: ["succeed", "success", "successful", "accomplish", "accomplished", "achieve", "win", "complete", "victory"],
    negative: ["fail", "failure", "failed", "lose", "defeat", "collapse", "unsuccessful", "setback"],
    label: ["success", "failure"],
  },
  {
    frame: "approval",
    positive: ["approve", "back", "accept", "agree", "sign", "ratify", "endorse", "adopt", "authorize", "approval"],
    negative: ["reject", "refuse", "oppose", "veto", "block", "decline", "rejection", "refusal", "scrap"],
    label: ["approval", "rejection"],
  },
  {
    frame: "custody",
    positive: ["arrest", "detain", "jail", "imprison", "arrested", "detention"],
    negative: ["release", "free", "acquit", "freed", "released", "bail"],
    label: ["held", "released"],
  },
  {
    frame: "harm",
    positive: [
      "injure",
      "injured",
      "wound",
      "wounded",
      "hurt",
      "kill",
      "killed",
      "die",
      "dead",
      "hospitalize",
      "hospital",
      "suffer",
      "injury",
      "casualty",
      "death",
      "fatality",
      "victim",
    ],
    negative: ["unharmed", "unhurt", "uninjured", "unscathed", "safe", "survive"],
    label: ["people harmed", "nobody harmed"],
  },
];

export const FRAME_OF = new Map<string, { frame: EventFrame; polarity: 1 | -1 }>();
for (const { frame, positive, negative } of EVENT_FRAMES) {
  for (const word of positive) FRAME_OF.set(word, { frame, polarity: 1 });
  for (const word of negative) FRAME_OF.set(word, { frame, polarity: -1 });
}

export const FRAME_LABEL = new Map(EVENT_FRAMES.map(({ frame, label }) => [frame, label]));

/** Two-word verbs whose particle changes the meaning: lemma + particle. */
export const PHRASAL_FRAMES = new Map<string, { frame: EventFrame; polarity: 1 | -1 }>([
  ["pull out", { frame: "presence", polarity: -1 }],
  ["check out", { frame: "presence", polarity: -1 }],
  ["move out", { frame: "presence", polarity: -1 }],
  ["pack up", { frame: "presence", polarity: -1 }],
  ["return home", { frame: "presence", polarity: -1 }],
  ["go home", { frame: "presence", polarity: -1 }],
  ["head home", { frame: "presence", polarity: -1 }],
  ["carry on", { frame: "presence", polarity: 1 }],
  ["stay on", { frame: "presence", polarity: 1 }],
  ["take over", { frame: "presence", polarity: 1 }],
  ["shut down", { frame: "operation", polarity: -1 }],
  ["break out", { frame: "operation", polarity: 1 }],
  ["call off", { frame: "operation", polarity: -1 }],
  ["lock up", { frame: "custody", polarity: 1 }],
  ["set free", { frame: "custody", polarity: -1 }],
]);

/** Adjectives that make a presence noun last: "continued presence", "enduring role". */
export const LASTING_WORDS = new Set(["continued", "continuing", "enduring", "persistent", "ongoing", "lasting", "permanent", "prolonged"]);
export const PRESENCE_NOUNS = new Set([
  "presence",
  "role",
  "influence",
  "deployment",
  "occupation",
  "involvement",
  "operation",
  "footprint",
  "stay",
  "control",
  "mission",
]);
/** Nouns after "leave (the)" that make it a departure rather than "left X stranded". */
export const PLACE_NOUNS = new Set([
  "country",
  "city",
  "town",
  "region",
  "area",
  "capital",
  "base",
  "camp",
  "site",
  "office",
  "post",
  "job",
  "building",
  "territory",
  "village",
  "port",
  "island",
  "company",
  "party",
  "government",
  "coalition",
  "alliance",
  "team",
  "club",
]);

/** Nouns for people and groups of people: "three hikers" and "four students", "most fighters" and "80% of the unit" may be the same group. */
export const PERSON_NOUNS = new Set([
  "people",
  "person",
  "man",
  "woman",
  "child",
  "adult",
  "worker",
  "employee",
  "staff",
  "member",
  "student",
  "pupil",
  "hiker",
  "climber",
  "walker",
  "tourist",
  "visitor",
  "passenger",
  "resident",
  "civilian",
  "citizen",
  "protester",
  "demonstrator",
  "marcher",
  "soldier",
  "troop",
  "fighter",
  "officer",
  "volunteer",
  "survivor",
  "victim",
  "patient",
  "migrant",
  "refugee",
  "prisoner",
  "detainee",
  "voter",
  "personnel",
  "mercenary",
  "recruit",
  "unit",
  "force",
  "group",
  "army",
  "crew",
  "team",
  "workforce",
  "population",
]);
