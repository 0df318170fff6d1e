import "server-only";

/**
 * Server-side page fetch for URL imports, safe against SSRF: every hop's host
 * is resolved here, every address is checked (url-guard.ts), and the socket
 * connects to exactly the checked address (a custom `lookup`), so a second DNS
 * answer cannot swap in a private address. Host header and TLS SNI stay the
 * hostname. Redirects are followed by hand and re-checked; time, size and
 * content type are bounded.
 */
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

import { AppError } from "@/lib/errors";

import { assertAddressAllowed, defaultAddressPolicy, ipLiteral, parseFetchableUrl, urlError, type AddressPolicy } from "./url-guard";

export const FETCH_LIMITS = { maxRedirects: 5, timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024 } as const;

const acceptedTypes = new Map([
  ["text/html", "html"],
  ["application/xhtml+xml", "html"],
  ["text/plain", "text"],
] as const);

export type FetchedPage = { /** After redirects. */ url: string; format: "html" | "text"; body: string };

export type FetchPageOptions = { policy?: AddressPolicy; timeoutMs?: number; maxBytes?: number };

type Pinned = { address: string; family: number };

async function resolvePinned(url: URL, policy: AddressPolicy): Promise<Pinned> {
  const literal = ipLiteral(url.hostname);
  if (literal) {
    assertAddressAllowed(literal, url.hostname, policy);
    return { address: literal, family: literal.includes(":") ? 6 : 4 };
  }
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = await dnsLookup(url.hostname, { all: true, verbatim: true });
  } catch {
    throw urlError(`The host ${url.hostname} could not be found.`);
  }
  if (addresses.length === 0) throw urlError(`The host ${url.hostname} could not be found.`);
  // Every answer must be allowed, not just the first: the others could be used on a retry.
  for (const { address } of addresses) assertAddressAllowed(address, url.hostname, policy);
  return addresses[0]!;
}

function pinnedLookup(pinned: Pinned): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
}

export async function fetchPage(rawUrl: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const policy = options.policy ?? defaultAddressPolicy();
  const maxBytes = options.maxBytes ?? FETCH_LIMITS.maxBytes;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? FETCH_LIMITS.timeoutMs);
  try {
    let url = parseFetchableUrl(rawUrl);
    for (let redirects = 0; ; redirects++) {
      const pinned = await resolvePinned(url, policy);
      if (controller.signal.aborted) throw timeoutError();
      const response = await request(url, pinned, controller.signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.resume();
        if (redirects >= FETCH_LIMITS.maxRedirects) throw urlError(`The page redirected more than ${FETCH_LIMITS.maxRedirects} times.`);
        url = parseFetchableUrl(new URL(location, url).toString());
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw urlError(`The page answered with HTTP ${status}.`);
      }
      const { mime, charset } = parseContentType(response.headers["content-type"]);
      const format = acceptedTypes.get(mime as never);
      if (!format) {
        response.resume();
        throw urlError(`The page is ${mime || "of no stated type"}; only HTML and plain-text pages can be imported.`);
      }
      const declared = Number(response.headers["content-length"] ?? 0);
      if (declared > maxBytes) {
        response.destroy();
        throw tooLarge(maxBytes);
      }
      const bytes = await readLimited(response, maxBytes);
      return { url: url.toString(), format, body: decode(bytes, charset) };
    }
  } catch (error) {
    const isTooLarge = error instanceof AppError && error.code === "too_large";
    if (controller.signal.aborted && !isTooLarge) throw timeoutError();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function request(url: URL, pinned: Pinned, signal: AbortSignal): Promise<http.IncomingMessage> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: "GET",
      lookup: pinnedLookup(pinned),
      signal,
      headers: { Accept: "text/html,application/xhtml+xml,text/plain;q=0.9", "User-Agent": "Parallax/0.1 (article import)" },
    });
    req.on("response", resolve);
    req.on("error", (error) =>
      reject(
        signal.aborted
          ? timeoutError()
          : urlError(`Could not fetch the page (${(error as NodeJS.ErrnoException).code ?? "network error"}).`),
      ),
    );
    req.end();
  });
}

function readLimited(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    response.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        reject(tooLarge(maxBytes)); // before destroy(), which emits "aborted" at once
        response.destroy();
        return;
      }
      chunks.push(chunk);
    });
    response.on("end", () => resolve(Buffer.concat(chunks)));
    response.on("error", (error) => reject(error));
    response.on("aborted", () => reject(urlError("The connection closed before the page was complete.")));
  });
}

function parseContentType(header: string | undefined): { mime: string; charset?: string } {
  const [type = "", ...params] = (header ?? "").split(";");
  const charset = params.map((p) => p.trim().match(/^charset="?([^";]+)"?$/i)?.[1]).find(Boolean);
  return { mime: type.trim().toLowerCase(), charset };
}

function decode(bytes: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? "utf-8").decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

function timeoutError(): AppError {
  return urlError(`The page did not load within ${FETCH_LIMITS.timeoutMs / 1000} seconds.`);
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("too_large", `The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, {
    errors: { url: "The page is too large to import." },
  });
}
