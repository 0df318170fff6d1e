// The ICD 203 expressions of likelihood, with the probability band each
// stands for, so the report can print "likely (55–80 %)". The assessment's
// own schema lives with the assessment; unknown terms are printed as given.

export const likelihoodTerms = [
  "almost_no_chance",
  "very_unlikely",
  "unlikely",
  "roughly_even_chance",
  "likely",
  "very_likely",
  "almost_certain",
] as const;

export type LikelihoodTerm = (typeof likelihoodTerms)[number];

export const likelihoodWording: Record<LikelihoodTerm, { label: string; band: string }> = {
  almost_no_chance: { label: "Almost no chance", band: "1–5 %" },
  very_unlikely: { label: "Very unlikely", band: "5–20 %" },
  unlikely: { label: "Unlikely", band: "20–45 %" },
  roughly_even_chance: { label: "Roughly even chance", band: "45–55 %" },
  likely: { label: "Likely", band: "55–80 %" },
  very_likely: { label: "Very likely", band: "80–95 %" },
  almost_certain: { label: "Almost certain", band: "95–99 %" },
};

/** "Likely (55–80 %)"; accepts the term with spaces or underscores, in any case. */
export function describeLikelihood(value: string): string {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_") as LikelihoodTerm;
  const wording = likelihoodWording[key];
  return wording ? `${wording.label} (${wording.band})` : value;
}

export function describeConfidence(value: string): string {
  return value ? `${value[0]!.toUpperCase()}${value.slice(1)} confidence` : "";
}
