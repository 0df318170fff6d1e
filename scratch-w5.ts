import { readFileSync } from "node:fs";
import { analyzeText } from "@/lib/suggestions/nlp";
import { splitSentences } from "@/lib/suggestions/sentences";
import { extractFeatures } from "@/lib/suggestions/features";
import { buildVectors, findCandidates } from "@/lib/suggestions/candidates";
import { scorePair } from "@/lib/suggestions/compare/score";
const texts = ["rifts-mali-military-wagner", "wagner-leaves-mali-africa-corps"].map((f) => readFileSync(`tests/unit/fixtures/seeds/${f}.clean.txt`, "utf8"));
const feats = texts.map((t) => { const tb = analyzeText(t); return extractFeatures(tb, splitSentences(tb)); });
const [va, vb] = buildVectors(feats);
const c = findCandidates({vectors: va!, sentences: feats[0]!}, {vectors: vb!, sentences: feats[1]!}, { perSentence: 6 });
const want = process.argv.slice(2).map(Number);
for (const x of c.sort((p, q) => q.similarity - p.similarity)) {
  if (want.length && !(x.left === want[0] && x.right === want[1])) continue;
  const s = scorePair(feats[0]![x.left]!, feats[1]![x.right]!, x.similarity, va!.idf);
  console.log(x.left, x.right, x.similarity.toFixed(3), s?.kind, s?.score, s?.reasons.join(" · ").slice(0, 200));
}
console.log(c.length, "candidates");
