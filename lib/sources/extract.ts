/**
 * The CPU-bound part of an import, with no I/O: raw content in a known format
 * → cleaned text, removed lines and metadata guesses. It runs in a worker
 * thread (import-worker.ts) so that a slow page never blocks the server's
 * request loop; it is plain and synchronous so tests and the worker call the
 * same code.
 */
import { AppError } from "@/lib/errors";

import { extractHtml, HtmlTooComplexError } from "./import-html";
import { markdownToLines } from "./import-markdown";
import { guessHeadline, importText, TextTooLongError, type ImportResult } from "./import-text";
import { MAX_TEXT_CHARS } from "./schemas";

export type RawFormat = "text" | "markdown" | "html";

export type MetadataGuesses = { title?: string; outlet?: string; author?: string; publishedAt?: string; language?: string; url?: string };

export type ExtractJob = {
  content: string;
  format: RawFormat;
  /** The request field the content came from; errors name it. */
  field: string;
  /** A title the user typed: its copies are removed from the text. */
  title?: string;
  /** The page's address, for resolving relative links while parsing HTML. */
  url?: string;
  /** An uploaded file's name: its stem is the title guess for plain text. */
  fileName?: string;
};

export type ExtractResult = ImportResult & { guesses: MetadataGuesses };

export function extractSource(job: ExtractJob): ExtractResult {
  let plain: string | Iterable<string> = job.content;
  let guesses: MetadataGuesses = {};
  try {
    if (job.format === "html") {
      const { text, ...meta } = extractHtml(job.content, { url: job.url });
      plain = text;
      guesses = meta;
    } else if (job.format === "markdown") {
      const extraction = markdownToLines(job.content, { needsTitle: job.title === undefined });
      plain = extraction.lines;
      guesses = { title: extraction.title };
    } else {
      // Plain text: its headline, else (for an upload) the file's name.
      const stem = job.fileName?.replace(/\.[a-z]+$/i, "");
      guesses = { title: guessHeadline(job.content) ?? stem };
    }
    const result = importText(plain, { title: job.title ?? guesses.title, maxChars: MAX_TEXT_CHARS });
    return { ...result, guesses };
  } catch (error) {
    throw toAppError(error, job.field);
  }
}

function toAppError(error: unknown, field: string): unknown {
  const limit = MAX_TEXT_CHARS.toLocaleString("en");
  if (error instanceof TextTooLongError) {
    return new AppError("too_large", `The cleaned text is longer than ${limit} characters, the most that can be imported.`, {
      errors: { [field]: `Longer than ${limit} characters.` },
    });
  }
  if (error instanceof HtmlTooComplexError) {
    return new AppError("unprocessable", error.message, { errors: { [field]: error.message } });
  }
  return error;
}
