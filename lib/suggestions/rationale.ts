// The rationale drafted for an annotation accepted from a suggestion: the
// engine's reasons as a starting point the analyst edits before submitting.
import { MAX_RATIONALE } from "@/lib/annotations/schemas";

import type { SuggestionKind } from "./types";

export function draftRationale(kind: SuggestionKind, reasons: readonly string[], labels: readonly [string, string]): string {
  const what = kind === "contradiction" ? "contradict each other" : "agree";
  const lines = [
    `${labels[0]} and ${labels[1]} appear to ${what}:`,
    ...reasons.map((reason) => `- ${reason}`),
    "(Drafted from a suggestion — check both passages and rewrite in your own words before submitting.)",
  ];
  return lines.join("\n").slice(0, MAX_RATIONALE);
}
