// Debug: for every label, the sentence pair's similarity and scorePair output.
import { loadArticlePairs } from "./scripts/suggestions/evaluate";
import { analyzeText } from "@/lib/suggestions/nlp";
import { splitSentences } from "@/lib/suggestions/sentences";
import { extractFeatures } from "@/lib/suggestions/features";
import { buildVectors, findCandidates } from "@/lib/suggestions/candidates";
import { scorePair } from "@/lib/suggestions/compare/score";
const only = process.argv[2];
for (const pair of loadArticlePairs()) {
  if (only && pair.name !== only) continue;
  const feats = pair.texts.map((t) => { const tb = analyzeText(t); return extractFeatures(tb, splitSentences(tb)); });
  const [va, vb] = buildVectors(feats);
  const cands = findCandidates({ vectors: va!, sentences: feats[0]! }, { vectors: vb!, sentences: feats[1]! }, { perSentence: 6 });
  console.log(`== ${pair.name}`);
  for (const label of pair.labels) {
    const ia = feats[0]!.findIndex((s) => label.a.some((r) => s.unit.start < r.end && r.start < s.unit.end));
    const ib = feats[1]!.findIndex((s) => label.b.some((r) => s.unit.start < r.end && r.start < s.unit.end));
    const c = cands.find((x) => x.left === ia && x.right === ib);
    const s = scorePair(feats[0]![ia]!, feats[1]![ib]!, c?.similarity ?? 0, va!.idf);
    console.log(`${label.kind.slice(0, 6)} ${ia}-${ib} cand=${c ? c.similarity.toFixed(2) : "NO"} → ${s?.kind.slice(0, 6)} ${s?.score} | ${s?.reasons.join(" · ")}  [${label.note}]`);
  }
}
