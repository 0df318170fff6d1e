import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
const nlp = winkNLP(model);
const d = nlp.readDoc("The plant employs about 600 people; one of the largest employers. Investigators believe an electrical fault.");
console.log(d.tokens().out(nlp.its.stem as unknown as typeof nlp.its.value));
