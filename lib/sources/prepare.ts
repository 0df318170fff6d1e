import "server-only";

/**
 * One entry point for every way a source arrives (pasted text, HTML,
 * Markdown, an uploaded file, a URL the server fetches): decode, extract,
 * clean with importText, enforce the limits, and guess metadata. Stores
 * nothing: the preview endpoint shows the result, the services save it.
 * Fetching and decoding happen here; the CPU-bound cleaning runs on a worker
 * thread with a time budget (import-pool.ts).
 */
import { isCalendarDate } from "@/lib/calendar-date";
import { AppError } from "@/lib/errors";
import { neutralizeText } from "@/lib/text/safe-text";

import { decodeUpload, MAX_RAW_BYTES } from "./decode-file";
import type { MetadataGuesses, RawFormat } from "./extract";
import { fetchPage, type FetchPageOptions } from "./fetch-page";
import { ImportCrashedError, ImportTimeoutError, runImportJob } from "./import-pool";
import type { ImportStats, RemovedLine } from "./import-text";
import { MAX_TEXT_CHARS, type ParsedSourceInput } from "./schemas";

export type { MetadataGuesses, RawFormat };

export type PreparedSource = {
  text: string;
  removed: RemovedLine[];
  stats: ImportStats;
  rawContent: string;
  rawFormat: RawFormat;
  guesses: MetadataGuesses;
  /** The address the page was fetched from, after redirects. */
  fetchedUrl?: string;
};

export type PrepareOptions = {
  fetch?: FetchPageOptions;
  /** Time budget of the cleaning step; default PARALLAX_IMPORT_TIMEOUT_SECONDS. */
  timeoutMs?: number;
};

type Raw = { content: string; format: RawFormat; field: string; url?: string };

async function readRaw(input: ParsedSourceInput, options: PrepareOptions): Promise<Raw> {
  const given = (["text", "html", "markdown", "file"] as const).filter((key) => input[key] !== undefined);
  if (given.length > 1) {
    throw new AppError("unprocessable", "Give the article one way: text, HTML, Markdown or a file.", {
      errors: { [given[1]!]: "Give only one of text, HTML, Markdown or a file." },
    });
  }
  if (input.text !== undefined) return { content: input.text, format: "text", field: "text" };
  if (input.html !== undefined) return { content: input.html, format: "html", field: "html" };
  if (input.markdown !== undefined) return { content: input.markdown, format: "markdown", field: "markdown" };
  if (input.file) {
    const { format, content } = decodeUpload(input.file);
    return { content, format, field: "file" };
  }
  if (input.url) {
    const page = await fetchPage(input.url, options.fetch);
    return { content: page.body, format: page.format, field: "url", url: page.url };
  }
  throw new AppError("unprocessable", "Paste the article's text, upload a file, or give its URL.", {
    errors: { text: "Paste the text, upload a file, or give a URL." },
  });
}

export async function prepareSource(input: ParsedSourceInput, options: PrepareOptions = {}): Promise<PreparedSource> {
  const raw = await readRaw(input, options);
  if (Buffer.byteLength(raw.content, "utf8") > MAX_RAW_BYTES) {
    throw new AppError("too_large", "The article is larger than 5 MB.", { errors: { [raw.field]: "Larger than 5 MB." } });
  }
  const result = await runImportJob(
    {
      content: raw.content,
      format: raw.format,
      field: raw.field,
      title: input.title,
      url: raw.url ?? input.url,
      fileName: raw.field === "file" ? input.file?.name : undefined,
    },
    options.timeoutMs,
  ).catch((error: unknown) => {
    throw importFailure(error, raw.field);
  });
  const guesses = result.guesses;
  if (raw.url) guesses.url = raw.url;
  // The worker stops at the limit; this check is the exact one.
  if (result.text.length > MAX_TEXT_CHARS) {
    throw new AppError(
      "too_large",
      `The cleaned text has ${result.text.length.toLocaleString("en")} characters; at most ${MAX_TEXT_CHARS.toLocaleString("en")} can be imported.`,
      {
        errors: { [raw.field]: `Longer than ${MAX_TEXT_CHARS.toLocaleString("en")} characters.` },
      },
    );
  }
  if (result.text === "") {
    throw new AppError("unprocessable", "No article text is left after cleaning.", {
      errors: { [raw.field]: "No article text is left after cleaning." },
    });
  }
  const { guesses: _guesses, ...cleaned } = result;
  return {
    ...cleaned,
    rawContent: raw.content,
    rawFormat: raw.format,
    guesses: sanitizeGuesses(guesses),
    ...(raw.url ? { fetchedUrl: raw.url } : {}),
  };
}

/** A budget overrun or a dead worker, told to the user in terms of their input. */
function importFailure(error: unknown, field: string): unknown {
  if (error instanceof ImportTimeoutError) {
    const seconds = Math.round(error.timeoutMs / 100) / 10;
    const message = `Cleaning this article took longer than ${seconds} seconds, so it was stopped. Paste the article's text alone, or split it.`;
    return new AppError("unprocessable", message, { errors: { [field]: `Took longer than ${seconds} seconds to clean.` } });
  }
  if (error instanceof ImportCrashedError) {
    const message = "This article is too large or too complex to clean. Paste the article's text alone, or split it.";
    return new AppError("unprocessable", message, { errors: { [field]: "Too large or too complex to clean." } });
  }
  return error;
}

/** Guesses come from the page: no bidi controls, only real calendar dates, nothing empty. */
function sanitizeGuesses(guesses: MetadataGuesses): MetadataGuesses {
  const cleaned = Object.fromEntries(
    Object.entries(guesses).map(([key, value]) => [key, typeof value === "string" ? neutralizeText(value).trim() : value]),
  ) as MetadataGuesses;
  if (cleaned.publishedAt !== undefined && !isCalendarDate(cleaned.publishedAt)) delete cleaned.publishedAt;
  return dropEmpty(cleaned);
}

function dropEmpty(guesses: MetadataGuesses): MetadataGuesses {
  return Object.fromEntries(Object.entries(guesses).filter(([, value]) => value !== undefined && value !== "")) as MetadataGuesses;
}
