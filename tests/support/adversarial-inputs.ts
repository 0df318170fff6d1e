// Inputs built to make import code slow: long runs of every punctuation and
// bracket character, whitespace of every kind, alternations, unclosed and
// nested markup. Shared by the linear-time property test
// (tests/unit/import-linear-time.test.ts) and `npm run bench -- import`.

export type AdversarialFormat = "text" | "markdown" | "html";

export type AdversarialCase = {
  name: string;
  format: AdversarialFormat;
  /** An input of about `size` characters. */
  build: (size: number) => string;
};

export const PUNCTUATION = [..."!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", "…", "«", "»", "“", "”", "‘", "’", "•", "—"];

export const WHITESPACE = [
  " ",
  "\t",
  "\n",
  "\r",
  "\r\n",
  "\u00A0",
  "\u3000",
  "\u2028",
  "\u200B",
  "\u200C",
  "\u200D",
  "\u202E",
  "\u2066",
  "\u0001",
];

/** `unit` repeated to `size` characters (the last copy may be cut). */
export function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Shapes that defeat backtracking: a run that almost matches, then a character that does not. */
function characterCases(format: AdversarialFormat): AdversarialCase[] {
  return PUNCTUATION.flatMap((char) => [
    { name: `${format}: run of ${JSON.stringify(char)} then x`, format, build: (size: number) => `${fill(char, size - 1)}x` },
    { name: `${format}: "${char}a" alternation`, format, build: (size: number) => fill(`${char}a`, size) },
    { name: `${format}: "${char} " alternation`, format, build: (size: number) => `${fill(`${char} `, size - 1)}x` },
    { name: `${format}: "a${char}" lines`, format, build: (size: number) => fill(`a${char}\n`, size) },
  ]);
}

function whitespaceCases(format: AdversarialFormat): AdversarialCase[] {
  return WHITESPACE.flatMap((space) => [
    { name: `${format}: run of ${JSON.stringify(space)} between letters`, format, build: (size: number) => `a${fill(space, size - 2)}x` },
    { name: `${format}: ${JSON.stringify(space)} after every letter`, format, build: (size: number) => fill(`a${space}`, size) },
  ]);
}

/** Markdown constructs left open, nested or repeated. */
const MARKDOWN_UNITS = [
  "![",
  "[a](",
  "[a][",
  "[a]",
  "](",
  "<a",
  "<http:",
  "**a",
  "__a",
  "*a ",
  "_a ",
  "~~a",
  "`a",
  "``a",
  "`` ` ",
  "\\*",
  "[a](b(c)",
  "# a ",
  "#",
  "- ",
  "> ",
  "1. ",
  "[a]: ",
  "***",
  "**a**b",
];

function markdownCases(): AdversarialCase[] {
  return [
    ...MARKDOWN_UNITS.map((unit) => ({
      name: `markdown: ${JSON.stringify(unit)} repeated`,
      format: "markdown" as const,
      build: (size: number) => fill(unit, size),
    })),
    { name: "markdown: heading with a run of spaces", format: "markdown", build: (size) => `# a${fill(" ", size - 4)}x` },
    { name: "markdown: heading with spaced #s", format: "markdown", build: (size) => `# ${fill("# ", size - 3)}x` },
    { name: "markdown: trailing spaces then text", format: "markdown", build: (size) => `a${fill(" ", size - 2)}x` },
    { name: "markdown: nested links", format: "markdown", build: (size) => `${fill("[", size / 2)}${fill("a](b)", size / 2)}` },
    { name: "markdown: one line per construct", format: "markdown", build: (size) => fill(MARKDOWN_UNITS.join("\n") + "\n", size) },
  ];
}

/** HTML: deep and wide trees, long attributes, titles and text nodes. */
function htmlCases(): AdversarialCase[] {
  const page = (body: string, head = "") => `<html><head>${head}</head><body>${body}</body></html>`;
  return [
    { name: "html: spaces inside <pre>", format: "html", build: (size) => page(`<pre>a${fill(" ", size - 40)}x</pre>`) },
    { name: "html: spaces and line breaks inside <pre>", format: "html", build: (size) => page(`<pre>${fill(" \n", size - 40)}x</pre>`) },
    { name: "html: nested <b>", format: "html", build: (size) => page(`<p>${fill("<b>", size - 40)}x</p>`) },
    { name: "html: nested <div>", format: "html", build: (size) => page(`${fill("<div>", size - 40)}x`) },
    { name: "html: unclosed <", format: "html", build: (size) => page(`<p>${fill("<", size - 40)}</p>`) },
    { name: "html: entities", format: "html", build: (size) => page(`<p>${fill("&amp;", size - 40)}</p>`) },
    { name: "html: comment openers", format: "html", build: (size) => page(`<p>${fill("<!--", size - 40)}</p>`) },
    { name: "html: punctuation paragraph", format: "html", build: (size) => page(`<p>${fill(".", size - 40)}x</p>`) },
    {
      name: "html: long image attribute",
      format: "html",
      build: (size) => page(`<p>Text.</p><img src="${fill("a.jpg", size - 80)} x" srcset="${fill("a.jpg 1x,", 200)}">`),
    },
    {
      name: "html: long class list",
      format: "html",
      build: (size) => page(`<div class="${fill("comment-ad- ", size - 60)}"><p>Text.</p></div>`),
    },
    {
      name: "html: long title with separators",
      format: "html",
      build: (size) => page("<p>Text.</p>", `<title>${fill("a - ", size - 60)}</title>`),
    },
  ];
}

/** Every case, text and Markdown families included. */
export function adversarialCases(): AdversarialCase[] {
  return [
    ...characterCases("text"),
    ...whitespaceCases("text"),
    ...characterCases("markdown"),
    ...whitespaceCases("markdown"),
    ...markdownCases(),
    ...htmlCases(),
  ];
}

/** A seeded generator (mulberry32), so a failing random input can be reproduced. */
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

/** Random text over the characters markup is made of. */
export function randomSyntax(random: () => number, size: number): string {
  const alphabet = [...PUNCTUATION, " ", " ", "\n", "a", "b", "http:", "**", "](", "<b>", "</b>", "# "];
  let out = "";
  while (out.length < size) out += alphabet[Math.floor(random() * alphabet.length)];
  return out.slice(0, size);
}
