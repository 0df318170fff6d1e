// Child process of suggestions.bench.ts: one measurement in a process that
// did nothing else, so peak memory is this work's alone. Modes: "suggest"
// (the whole engine on two sources), "tokenize" (wink-nlp's bare
// tokenization and tagging of the same two texts: the reference) or "thread"
// (the engine in its worker thread, as the app runs it: the first job starts
// the thread and loads the model). Prints one JSON line.
import { makeArticle } from "../suggestions-data";

async function main(): Promise<void> {
  const [mode, wordsArg] = process.argv.slice(2);
  const words = Number(wordsArg);
  const texts = [makeArticle(words, 1), makeArticle(words, 2)];
  if (mode === "thread") return measureThread(texts);
  const { analyzeText } = await import("../../lib/suggestions/nlp");
  const { suggestForSources } = await import("../../lib/suggestions/suggest");
  // Model loaded and code compiled, as in a running worker.
  suggestForSources([
    { id: "warm-a", text: "Wagner left Mali in June. Most fighters stayed.", language: "en" },
    { id: "warm-b", text: "Wagner did not leave. About 80% of them remained.", language: "en" },
  ]);
  const baselineMb = process.memoryUsage().rss / 1024 / 1024;
  const work = () => {
    if (mode === "tokenize") for (const text of texts) analyzeText(text);
    else return suggestForSources(texts.map((text, i) => ({ id: `s${i}`, text, language: "en" }))).suggestions.length;
    return 0;
  };
  // First run on big input includes JIT compilation of the hot paths; the second is a running worker's figure.
  let started = performance.now();
  work();
  const coldMs = performance.now() - started;
  started = performance.now();
  const suggestions = work();
  const ms = performance.now() - started;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, coldMs, baselineMb, peakMb, suggestions, words: texts.map((text) => text.split(/\s+/).length) }));
}

/** Through the engine thread: a cold first job (thread start, TypeScript loader, model load) and a warm second one. */
async function measureThread(texts: string[]): Promise<void> {
  const { computeInThread, stopEngineThread } = await import("../../lib/suggestions/worker/engine-thread");
  const sources = texts.map((text, i) => ({ id: `s${i}`, text, language: "en" }));
  let started = performance.now();
  await computeInThread(sources);
  const coldMs = performance.now() - started;
  started = performance.now();
  const result = await computeInThread(sources);
  const ms = performance.now() - started;
  await stopEngineThread();
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, coldMs, baselineMb: 0, peakMb, suggestions: result.suggestions.length, words: [] }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
