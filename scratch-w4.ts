import { readFileSync } from "node:fs";
import { suggestForSources } from "@/lib/suggestions/suggest";
const a = readFileSync(`tests/unit/fixtures/seeds/rifts-mali-military-wagner.clean.txt`, "utf8");
const b = readFileSync(`tests/unit/fixtures/seeds/wagner-leaves-mali-africa-corps.clean.txt`, "utf8");
const t0 = performance.now();
const r = suggestForSources([{ id: "A", text: a, language: "en" }, { id: "B", text: b, language: "en" }], { minScore: Number(process.argv[2] ?? 0.2) });
console.log(performance.now() - t0, "ms");
for (const s of r.suggestions) console.log(s.score, s.kind, "\n  A:", a.slice(s.spans[0].start, s.spans[0].end).slice(0, 110), "\n  B:", b.slice(s.spans[1].start, s.spans[1].end).slice(0, 110), "\n  ", s.reasons.join(" · "));
