import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { makeArticle } from "./bench/suggestions-data";
const nlp = winkNLP(model); const its = nlp.its;
const text = makeArticle(20000, 1);
nlp.readDoc("warm up text. Another one.");
for (let r = 0; r < 2; r++) {
let t = performance.now();
const doc = nlp.readDoc(text); console.log("readDoc", (performance.now() - t).toFixed(0));
t = performance.now(); const toks = doc.tokens(); const v = toks.out(its.value); console.log("value", (performance.now() - t).toFixed(0), v.length);
t = performance.now(); toks.out(its.precedingSpaces); console.log("spaces", (performance.now() - t).toFixed(0));
t = performance.now(); toks.out(its.lemma as unknown as typeof its.value); console.log("lemma", (performance.now() - t).toFixed(0));
t = performance.now(); toks.out(its.stem as unknown as typeof its.value); console.log("stem", (performance.now() - t).toFixed(0));
t = performance.now(); toks.out(its.pos); toks.out(its.type); toks.out(its.stopWordFlag); console.log("pos/type/stop", (performance.now() - t).toFixed(0));
t = performance.now(); doc.sentences().out(its.span); doc.entities().out(its.span); doc.entities().out(its.type); console.log("sent/ent", (performance.now() - t).toFixed(0));
}
