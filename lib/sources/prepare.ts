import "server-only";

/**
 * One entry point for every way a source arrives (pasted text, HTML,
 * Markdown, an uploaded file, a URL the server fetches): decode, extract,
 * clean with importText, enforce the limits, and guess metadata. Stores
 * nothing: the preview endpoint shows the result, the services save it.
 */
import { AppError } from "@/lib/errors";

import { decodeUpload, MAX_RAW_BYTES } from "./decode-file";
import { fetchPage, type FetchPageOptions } from "./fetch-page";
import { extractHtml } from "./import-html";
import { markdownToText } from "./import-markdown";
import { guessHeadline, importText, type ImportStats, type RemovedLine } from "./import-text";
import { MAX_TEXT_CHARS, type ParsedSourceInput } from "./schemas";

export type RawFormat = "text" | "markdown" | "html";

export type MetadataGuesses = { title?: string; outlet?: string; author?: string; publishedAt?: string; language?: string; url?: string };

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

export type PrepareOptions = { fetch?: FetchPageOptions };

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
  let plain = raw.content;
  let guesses: MetadataGuesses = {};
  if (raw.format === "html") {
    const { text, ...meta } = extractHtml(raw.content, { url: raw.url ?? input.url });
    plain = text;
    guesses = meta;
  } else if (raw.format === "markdown") {
    const extraction = markdownToText(raw.content);
    plain = extraction.text;
    guesses = { title: extraction.title };
  } else {
    // Plain text: its headline, else (for an upload) the file's name.
    const headline = guessHeadline(plain);
    const fileName = raw.field === "file" && input.file ? input.file.name.replace(/\.[a-z]+$/i, "") : undefined;
    guesses = { title: headline ?? fileName };
  }
  if (raw.url) guesses.url = raw.url;
  const title = input.title ?? guesses.title;
  const result = importText(plain, { title });
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
  return {
    ...result,
    rawContent: raw.content,
    rawFormat: raw.format,
    guesses: dropEmpty(guesses),
    ...(raw.url ? { fetchedUrl: raw.url } : {}),
  };
}

function dropEmpty(guesses: MetadataGuesses): MetadataGuesses {
  return Object.fromEntries(Object.entries(guesses).filter(([, value]) => value !== undefined && value !== "")) as MetadataGuesses;
}
