// "Find passage" matches with the anchoring's own normalization (quotes,
// dashes, white space, case, Unicode composition), linear in the text.
export { createFinder, findAll } from "@/lib/anchoring/find-all";
