/**
 * Stored with every computed suggestion. Bump it whenever the rules, word
 * lists or the NLP model change, so stored suggestions can be recomputed.
 */
export const ENGINE_VERSION = "suggestions-1.1.0 (wink-nlp 2.4.0, wink-eng-lite-web-model 1.8.1)";
