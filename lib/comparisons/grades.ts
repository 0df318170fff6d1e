// The Admiralty (NATO) grading system, as data: a source's reliability (A–F)
// and a piece of information's credibility (1–6). UI, API, matrix and report
// all read the wording from here.

export const reliabilityGrades = ["A", "B", "C", "D", "E", "F"] as const;
export type Reliability = (typeof reliabilityGrades)[number];

export const reliabilityLabel: Record<Reliability, string> = {
  A: "Completely reliable",
  B: "Usually reliable",
  C: "Fairly reliable",
  D: "Not usually reliable",
  E: "Unreliable",
  F: "Reliability cannot be judged",
};

export const credibilityGrades = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof credibilityGrades)[number];

export const credibilityLabel: Record<Credibility, string> = {
  1: "Confirmed by other sources",
  2: "Probably true",
  3: "Possibly true",
  4: "Doubtful",
  5: "Improbable",
  6: "Truth cannot be judged",
};

export const MAX_RELIABILITY_NOTE = 1_000;

export function isCredibility(value: number): value is Credibility {
  return (credibilityGrades as readonly number[]).includes(value);
}

/** "B2": the usual compact form of a source grade and an information grade together. */
export function combinedGrade(reliability: Reliability | null, credibility: number | null): string | null {
  if (!reliability && !credibility) return null;
  return `${reliability ?? "–"}${credibility ?? "–"}`;
}
