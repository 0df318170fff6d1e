import { readFileSync } from "node:fs";
import { analyzeText } from "@/lib/suggestions/nlp";
import { splitSentences } from "@/lib/suggestions/sentences";
import { extractFeatures } from "@/lib/suggestions/features";
for (const f of ["rifts-mali-military-wagner", "wagner-leaves-mali-africa-corps"]) {
  const text = readFileSync(`tests/unit/fixtures/seeds/${f}.clean.txt`, "utf8");
  const t = analyzeText(text);
  for (const s of extractFeatures(t, splitSentences(t))) console.log(s.unit.index, [...s.entityWords].join(","), "| Q:", s.quantities.map(q=>`${q.text}[${q.low},${q.high}]${q.unit}/${q.of}`).join(";"), "| D:", s.dates.map(d=>JSON.stringify({...d, first: undefined, last: undefined})).join(";"), "| E:", s.events.map(e=>`${e.frame}${e.polarity>0?"+":"-"}:${e.text}`).join(";"), "| S:", JSON.stringify({d: s.stance.denial?.text, c: s.stance.claim?.text, h: s.stance.hedge?.text, ce: s.stance.certainty?.text, sp: s.stance.speakers}));
}
