import { analyzeText } from "@/lib/suggestions/nlp";
import { splitSentences } from "@/lib/suggestions/sentences";
import { extractFeatures } from "@/lib/suggestions/features";
import { compareQuantities } from "@/lib/suggestions/compare/amounts";
const fs = ["Three hikers missing for two nights on Brennock Ridge were found alive on Sunday morning, the regional mountain rescue service said.", "Four students who went missing on Brennock Ridge were rescued on Sunday after spending two nights in the open."].map((text) => {
  const t = analyzeText(text);
  return extractFeatures(t, splitSentences(t))[0]!;
});
console.log(fs.map((f) => f.quantities), compareQuantities(fs[0]!.quantities, fs[1]!.quantities));
