import "server-only";

import { enqueueSuggestionJob } from "./jobs";
import { kickSuggestionRunner } from "./runner";

/**
 * Asks for a comparison's suggestions to be (re)computed in the background.
 * Called after the transaction that changed the comparison committed; never
 * fails the caller (the runner's periodic sweep catches anything missed).
 */
export async function scheduleSuggestions(comparisonId: string, reason: string): Promise<void> {
  try {
    await enqueueSuggestionJob(comparisonId, reason);
    kickSuggestionRunner();
  } catch (error) {
    console.error(`[suggestions] could not queue ${comparisonId}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
