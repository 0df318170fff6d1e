// Recognises what a file is — a W3C AnnotationCollection (its embedded
// pages), an AnnotationPage, one Annotation or a list of them, or a
// Hypothesis search result — counts its annotations against the limit before
// reading any of them, and reads each into an import item. Structural
// mistakes anywhere (an unknown selector type, a malformed selector, a target
// missing) fail the whole request with every field named: nothing is written.

import { AppError, type FieldErrors } from "@/lib/errors";

import { asList } from "./items";
import { IMPORT_MAX_ITEMS } from "./limits";
import { readHypothesisRow } from "./parse-hypothesis";
import { readW3cAnnotation } from "./parse-w3c";
import type { ImportFormat, ImportItem } from "./types";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const MAX_REPORTED_ERRORS = 50;

type RawItems = { format: ImportFormat; entries: Array<{ raw: unknown; path: string }>; declaredTotal: number | null };

function typesOf(node: Json): unknown[] {
  return asList(node.type ?? node["@type"]);
}

/** The pages of a collection that the file embeds: `first`, then each embedded `next`. */
function collectionPages(collection: Json): Json[] {
  const pages: Json[] = [];
  let page: unknown = collection.first;
  while (isObject(page) && pages.length < 10_000) {
    pages.push(page);
    page = page.next;
  }
  if (pages.length === 0 && Number(collection.total ?? 1) > 0) {
    throw new AppError("unprocessable", "The collection does not embed its pages: download each AnnotationPage and import it.", {
      errors: { first: "Expected an embedded AnnotationPage." },
    });
  }
  return pages;
}

function pageEntries(page: Json, path: string): Array<{ raw: unknown; path: string }> {
  if (!Array.isArray(page.items)) {
    throw new AppError("unprocessable", "An AnnotationPage must list its annotations in items.", {
      errors: { [`${path}.items`]: "Expected a list." },
    });
  }
  return page.items.map((raw, i) => ({ raw, path: `${path}.items.${i}` }));
}

function locateItems(document: unknown, format: ImportFormat | "auto"): RawItems {
  if (isObject(document) && Array.isArray(document.rows) && format !== "w3c") {
    return {
      format: "hypothesis",
      entries: document.rows.map((raw, i) => ({ raw, path: `rows.${i}` })),
      declaredTotal: typeof document.total === "number" ? document.total : null,
    };
  }
  if (format === "hypothesis") {
    throw new AppError("unprocessable", "Not a Hypothesis search result: expected a rows list.", {
      errors: { rows: "Expected a list of annotations." },
    });
  }
  if (Array.isArray(document)) return { format: "w3c", entries: document.map((raw, i) => ({ raw, path: `${i}` })), declaredTotal: null };
  if (isObject(document)) {
    const types = typesOf(document);
    if (types.includes("AnnotationCollection")) {
      const pages = collectionPages(document);
      const entries = pages.flatMap((page, i) => pageEntries(page, i === 0 ? "first" : `first${".next".repeat(i)}`));
      return { format: "w3c", entries, declaredTotal: typeof document.total === "number" ? document.total : null };
    }
    if (types.includes("AnnotationPage")) return { format: "w3c", entries: pageEntries(document, "page"), declaredTotal: null };
    if (types.includes("Annotation")) return { format: "w3c", entries: [{ raw: document, path: "annotation" }], declaredTotal: null };
  }
  throw new AppError(
    "unprocessable",
    "Not an annotation file: expected a W3C Web Annotation (Annotation, AnnotationPage or AnnotationCollection) or a Hypothesis search result (rows).",
    { errors: { type: 'Expected "Annotation", "AnnotationPage" or "AnnotationCollection", or a rows list.' } },
  );
}

export type ReadDocument = { format: ImportFormat; items: ImportItem[]; warnings: string[] };

export function readImportDocument(document: unknown, format: ImportFormat | "auto" = "auto"): ReadDocument {
  const located = locateItems(document, format);
  const count = located.entries.length;
  if (count > IMPORT_MAX_ITEMS) {
    throw new AppError(
      "too_large",
      `The file holds ${count.toLocaleString("en")} annotations; import at most ${IMPORT_MAX_ITEMS.toLocaleString("en")} at a time (split the file).`,
      { extra: { count, limit: IMPORT_MAX_ITEMS } },
    );
  }
  const errors: FieldErrors = {};
  const fail = (path: string, message: string) => {
    if (Object.keys(errors).length < MAX_REPORTED_ERRORS) errors[path] ??= message;
  };
  const read = located.format === "hypothesis" ? readHypothesisRow : readW3cAnnotation;
  const items = located.entries.flatMap((entry, index) => read(entry.raw, index, entry.path, fail) ?? []);
  const entries = Object.entries(errors);
  if (entries.length > 0) {
    const [path, message] = entries[0]!;
    throw new AppError("unprocessable", `${path}: ${message}`, { errors });
  }
  const warnings =
    located.declaredTotal !== null && located.declaredTotal > count
      ? [`The file says it holds ${located.declaredTotal} annotations but contains ${count}; import the other pages too.`]
      : [];
  return { format: located.format, items, warnings };
}
