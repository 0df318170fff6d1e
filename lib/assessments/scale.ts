// The words of an assessment, as data: the ICD 203 expressions of likelihood
// (with the probability range each one stands for) and the three levels of
// analytic confidence. The form, the API, the review page and the report all
// read them from here.

export const likelihoods = [
  "almost_no_chance",
  "very_unlikely",
  "unlikely",
  "roughly_even_chance",
  "likely",
  "very_likely",
  "almost_certain",
] as const;
export type Likelihood = (typeof likelihoods)[number];

export const likelihoodLabel: Record<Likelihood, string> = {
  almost_no_chance: "Almost no chance",
  very_unlikely: "Very unlikely",
  unlikely: "Unlikely",
  roughly_even_chance: "Roughly even chance",
  likely: "Likely",
  very_likely: "Very likely",
  almost_certain: "Almost certain",
};

/** ICD 203's probability ranges, in percent. */
export const likelihoodRange: Record<Likelihood, string> = {
  almost_no_chance: "1–5 %",
  very_unlikely: "5–20 %",
  unlikely: "20–45 %",
  roughly_even_chance: "45–55 %",
  likely: "55–80 %",
  very_likely: "80–95 %",
  almost_certain: "95–99 %",
};

export const analyticConfidences = ["low", "moderate", "high"] as const;
export type AnalyticConfidence = (typeof analyticConfidences)[number];

export const confidenceLabel: Record<AnalyticConfidence, string> = {
  low: "Low confidence",
  moderate: "Moderate confidence",
  high: "High confidence",
};

/** What each level means, for the form's hints and the report's legend. */
export const confidenceHint: Record<AnalyticConfidence, string> = {
  low: "Scant, questionable or fragmented information; the judgment is tentative.",
  moderate: "Credibly sourced and plausible, but not corroborated well enough for more.",
  high: "High-quality information from several sources, and the nature of the issue allows a solid judgment.",
};

export const MAX_JUDGMENT = 5_000;
export const MAX_CITED_FINDINGS = 50;

/** "Likely (55–80 %), moderate confidence": the bottom line in one phrase. */
export function describeAssessment(likelihood: Likelihood, confidence: AnalyticConfidence): string {
  return `${likelihoodLabel[likelihood]} (${likelihoodRange[likelihood]}), ${confidence} confidence`;
}
