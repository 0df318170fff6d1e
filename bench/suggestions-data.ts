// Deterministic news-like text for bench/suggestions.bench.ts: sentences
// composed from twenty templates with names, places, amounts, dates,
// negations and event verbs drawn at random from shared pools, so two texts
// overlap in vocabulary the way two articles on one story do.

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ["ba", "ko", "ri", "ta", "sa", "mo", "di", "no", "ka", "lu", "ve", "ra", "fi", "tu", "mar", "sel", "dan", "gor"];
const POOLS = {
  official: [
    "the minister",
    "a spokesperson",
    "the mayor",
    "police",
    "the company",
    "the army",
    "local officials",
    "the union",
    "witnesses",
    "the governor",
  ],
  group: ["soldiers", "workers", "residents", "protesters", "students", "passengers", "fighters", "volunteers", "employees", "civilians"],
  leave: ["withdrew from", "left", "pulled out of", "departed from", "abandoned"],
  stay: ["remained in", "stayed in", "returned to", "reappeared in", "kept a presence in"],
  change: ["rose", "fell", "increased", "dropped", "doubled", "declined"],
  thing: ["prices", "revenue", "attacks", "exports", "fuel costs", "casualties", "arrests", "salaries"],
  weekday: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  month: ["January", "March", "May", "June", "August", "October", "December"],
  hedge: ["up to", "more than", "about", "nearly", "at least", "some"],
  modal: ["is expected to", "may", "could", "is likely to", "will"],
  verb: ["approve", "reject", "close", "reopen", "suspend", "expand", "sign", "cancel"],
  object: ["the agreement", "the border crossing", "the mine", "the budget", "the contract", "the port", "the plan", "the inquiry"],
  adjective: ["fragile", "renewed", "heavy", "sudden", "long-awaited", "disputed", "costly", "quiet"],
};

export function makeArticle(words: number, seed: number): string {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const name = () => {
    const word = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join("");
    return word[0]!.toUpperCase() + word.slice(1);
  };
  const people = Array.from({ length: 60 }, () => `${name()} ${name()}`);
  const places = Array.from({ length: 40 }, name);
  const orgs = Array.from({ length: 25 }, () => `the ${name()} ${pick(["Group", "Corps", "Council", "Agency", "Front", "Bank"])}`);
  const n = () => 2 + Math.floor(random() * 900);
  const templates: Array<() => string> = [
    () => `${pick(people)} said that ${n()} ${pick(POOLS.group)} were injured in ${pick(places)} on ${pick(POOLS.weekday)}.`,
    () =>
      `${cap(pick(orgs))} ${pick(POOLS.leave)} ${pick(places)} in ${pick(POOLS.month)} ${2015 + Math.floor(random() * 10)}, according to ${pick(POOLS.official)}.`,
    () =>
      `${cap(pick(POOLS.hedge))} ${n() % 100}% of the ${pick(POOLS.group)} ${pick(POOLS.stay)} ${pick(places)}, ${pick(POOLS.official)} said.`,
    () => `${cap(pick(POOLS.official))} denied that ${pick(orgs)} had tried to ${pick(POOLS.verb)} ${pick(POOLS.object)}.`,
    () =>
      `${cap(pick(POOLS.thing))} ${pick(POOLS.change)} by ${n() % 60} percent over ${2 + Math.floor(random() * 10)} months in ${pick(places)}.`,
    () =>
      `No ${pick(POOLS.group)} were hurt when ${pick(POOLS.object)} near ${pick(places)} was attacked at ${1 + Math.floor(random() * 11)} p.m.`,
    () => `${cap(pick(orgs))} ${pick(POOLS.modal)} ${pick(POOLS.verb)} ${pick(POOLS.object)} before the end of ${pick(POOLS.month)}.`,
    () => `The ${pick(POOLS.adjective)} talks between ${pick(orgs)} and ${pick(orgs)} did not ${pick(POOLS.verb)} ${pick(POOLS.object)}.`,
    () => `${pick(people)}, who leads ${pick(orgs)}, claims that the ${pick(POOLS.adjective)} ceasefire in ${pick(places)} will hold.`,
    () =>
      `Most ${pick(POOLS.group)} in ${pick(places)} have not ${pick(["left", "stayed", "returned"])} since the ${pick(POOLS.adjective)} fighting began.`,
    () => `More than ${n()} million euros were spent on ${pick(POOLS.object)} in ${pick(places)} last year.`,
    () =>
      `Dr. ${name()} told reporters on ${pick(POOLS.weekday)} that ${pick(POOLS.thing)} had ${pick(POOLS.change)} sharply [${1 + Math.floor(random() * 9)}].`,
    () =>
      `${cap(pick(POOLS.official))} reported that ${pick(["twelve", "two", "forty", "three hundred", "nine"])} ${pick(POOLS.group)} were arrested in ${pick(places)}.`,
    () =>
      `Residents of ${pick(places)} described a ${pick(POOLS.adjective)} night, with ${pick(POOLS.thing)} reported across the district.`,
    () => `“We will ${pick(POOLS.verb)} ${pick(POOLS.object)},” ${pick(people)} said in ${pick(places)}.`,
    () =>
      `The U.S. embassy in ${pick(places)} said ${pick(orgs)} ${pick(POOLS.stay)} the region despite the ${pick(POOLS.adjective)} agreement.`,
    () =>
      `On ${pick(POOLS.month)} ${1 + Math.floor(random() * 28)}, ${pick(orgs)} announced it would ${pick(POOLS.verb)} ${pick(POOLS.object)}.`,
    () => `${pick(people)} is expected to visit ${pick(places)} and ${pick(places)} to discuss ${pick(POOLS.object)}.`,
    () =>
      `The ${pick(POOLS.adjective)} convoy of ${n()} vehicles ${pick(POOLS.leave)} ${pick(places)} shortly after ${1 + Math.floor(random() * 11)} a.m.`,
    () =>
      `Analysts say ${pick(POOLS.thing)} in ${pick(places)} may ${pick(["rise", "fall", "stabilise"])} if ${pick(orgs)} ${pick(POOLS.leave)} the area.`,
  ];
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    for (let i = 0; i < 3 + Math.floor(random() * 4) && count < words; i++) {
      const sentence = pick(templates)();
      sentences.push(sentence);
      count += sentence.split(" ").length;
    }
    paragraphs.push(sentences.join(" "));
  }
  return paragraphs.join("\n\n");
}

function cap(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
