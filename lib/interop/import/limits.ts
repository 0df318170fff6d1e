// Limits of one import request; the README's import section quotes them.

/** A 5,000-annotation W3C export is about 8 MB; Hypothesis rows are larger. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ITEMS = 5_000;
/** Longest text of a rationale, a quote or a context taken from a file. */
export const IMPORT_MAX_QUOTE = 100_000;
/** The report repeats each rationale only this far. */
export const REPORT_RATIONALE_CHARS = 300;
