// Messages between the app and the engine's worker thread.
import type { SourceInput, SuggestionResult, SuggestProgress } from "../types";

export type EngineRequest = { id: number; sources: SourceInput[] };

export type EngineReply =
  | { id: number; type: "progress"; progress: SuggestProgress }
  | { id: number; type: "result"; result: SuggestionResult }
  | { id: number; type: "error"; message: string };
