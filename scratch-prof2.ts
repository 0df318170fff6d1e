import { makeArticle } from "./bench/suggestions-data";
import { analyzeText } from "@/lib/suggestions/nlp";
import { splitSentences } from "@/lib/suggestions/sentences";
import { extractFeatures } from "@/lib/suggestions/features";
import { buildVectors, findCandidates } from "@/lib/suggestions/candidates";
import { suggestForSources } from "@/lib/suggestions/suggest";
const words = Number(process.argv[2] ?? 20000);
const texts = [makeArticle(words, 1), makeArticle(words, 2)];
suggestForSources([{ id: "a", text: "Wagner left Mali. Most stayed.", language: "en" }, { id: "b", text: "Wagner stayed. Few left Mali.", language: "en" }]);
for (let r = 0; r < 2; r++) {
  let t = performance.now();
  const tables = texts.map(analyzeText); const t1 = performance.now() - t; t = performance.now();
  const units = tables.map(splitSentences); const t2 = performance.now() - t; t = performance.now();
  const feats = tables.map((tb, i) => extractFeatures(tb, units[i]!)); const t3 = performance.now() - t; t = performance.now();
  const [va, vb] = buildVectors(feats); const t4 = performance.now() - t; t = performance.now();
  const c = findCandidates({ vectors: va!, sentences: feats[0]! }, { vectors: vb!, sentences: feats[1]! }, { perSentence: 6 }); const t5 = performance.now() - t; t = performance.now();
  const res = suggestForSources(texts.map((text, i) => ({ id: `s${i}`, text, language: "en" }))); const t6 = performance.now() - t;
  console.log({ analyze: t1 | 0, split: t2 | 0, features: t3 | 0, vectors: t4 | 0, candidates: t5 | 0, cands: c.length, sentences: feats.map((f) => f.length), total: t6 | 0, suggestions: res.suggestions.length });
}
