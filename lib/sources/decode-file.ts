/**
 * Uploaded files arrive as base64 in JSON. Only text formats are accepted:
 * the extension decides the format, the browser's MIME type must agree, and
 * the bytes must be UTF-8 without NUL bytes (NULs mean a binary file such as
 * a PDF or a Word document renamed to .txt).
 */
import { AppError } from "@/lib/errors";

export type UploadFormat = "text" | "markdown" | "html";
export type UploadedFile = { name: string; type?: string; content: string };

export const MAX_RAW_BYTES = 5 * 1024 * 1024;

const byExtension: Record<string, UploadFormat> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
};

/** MIME types browsers report for the accepted extensions ("" when they do not know). */
const acceptedMime = new Set(["", "text/plain", "text/markdown", "text/x-markdown", "text/html", "application/xhtml+xml"]);

function fileError(message: string, code: "unprocessable" | "too_large" = "unprocessable"): AppError {
  return new AppError(code, message, { errors: { file: message } });
}

export function uploadFormat(name: string): UploadFormat | undefined {
  const extension = name.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  return extension ? byExtension[extension] : undefined;
}

export function decodeUpload(file: UploadedFile): { format: UploadFormat; content: string } {
  const format = uploadFormat(file.name);
  if (!format) throw fileError(`${file.name} is not a supported file. Upload a .txt, .md, .html or .htm file.`);
  const mime = (file.type ?? "").split(";")[0]!.trim().toLowerCase();
  if (!acceptedMime.has(mime)) throw fileError(`${file.name} is ${mime}, not a text, Markdown or HTML file.`);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.content)) throw fileError("The file content is not valid base64.");
  const bytes = Buffer.from(file.content, "base64");
  if (bytes.length > MAX_RAW_BYTES) throw fileError(`${file.name} is larger than 5 MB.`, "too_large");
  if (bytes.includes(0)) throw fileError(`${file.name} looks like a binary file, not text.`);
  let content: string;
  try {
    content = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw fileError(`${file.name} is not UTF-8 text. Save it as UTF-8 and try again.`);
  }
  return { format, content };
}
