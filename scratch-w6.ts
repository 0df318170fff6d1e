import { readFileSync } from "node:fs";
import { analyzeText } from "@/lib/suggestions/nlp";
import { splitSentences } from "@/lib/suggestions/sentences";
import { extractFeatures } from "@/lib/suggestions/features";
const texts = ["rifts-mali-military-wagner", "wagner-leaves-mali-africa-corps"].map((f) => readFileSync(`tests/unit/fixtures/seeds/${f}.clean.txt`, "utf8"));
const feats = texts.map((t) => { const tb = analyzeText(t); return extractFeatures(tb, splitSentences(tb)); });
console.log([...feats[0]![10]!.terms.keys()].join(" "));
console.log([...feats[1]![3]!.terms.keys()].join(" "));
console.log([...feats[0]![11]!.terms.keys()].join(" "));
