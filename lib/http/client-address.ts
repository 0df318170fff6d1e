/**
 * The client's IP address, for sign-in throttling and the security log.
 *
 * Headers such as X-Forwarded-For are whatever the client sent unless a proxy
 * we trust wrote them, so they count only when PARALLAX_TRUSTED_PROXY_HOPS
 * says how many proxies stand in front of the app (default 0: none). Next.js
 * fills X-Forwarded-For with the socket's address only when the client sent
 * none, so the socket's address is stamped on every request by a hook on
 * Node's HTTP server (installPeerStamp, from instrumentation.ts), signed with
 * a per-process token a client cannot forge.
 */
import { randomBytes } from "node:crypto";

export const PEER_HEADER = "x-parallax-peer";

type HeaderSource = Headers | Record<string, unknown> | undefined;

const tokenKey = Symbol.for("parallax.peerToken");
const globals = globalThis as { [tokenKey]?: string };

/** One token per process, shared by every bundle that imports this module. */
function peerToken(): string {
  return (globals[tokenKey] ??= randomBytes(16).toString("hex"));
}

/** "::ffff:10.0.0.1" → "10.0.0.1": one spelling per address. */
export function canonicalAddress(address: string): string {
  const trimmed = address.trim();
  return /^::ffff:\d{1,3}(?:\.\d{1,3}){3}$/i.test(trimmed) ? trimmed.slice(7) : trimmed.toLowerCase();
}

/** The header value that proves `address` is the socket's peer. */
export function peerStamp(address: string): string {
  return `${peerToken()} ${canonicalAddress(address)}`;
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  if (Array.isArray(value)) return typeof value[0] === "string" ? value[0] : undefined;
  return typeof value === "string" ? value : undefined;
}

/** The socket's address, if the stamp is genuine. */
export function peerAddress(headers: HeaderSource): string | undefined {
  const value = header(headers, PEER_HEADER);
  const [token, address] = value?.split(" ") ?? [];
  return token === peerToken() && address ? address : undefined;
}

/** PARALLAX_TRUSTED_PROXY_HOPS, read at call time. */
export function trustedProxyHops(): number {
  const hops = Number(process.env.PARALLAX_TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

/**
 * The client's address: the socket's peer when no proxy is trusted; else the
 * entry of X-Forwarded-For that the outermost trusted proxy appended (each
 * proxy appends the address it received the request from).
 */
export function clientAddress(headers: HeaderSource, hops = trustedProxyHops()): string | undefined {
  const peer = peerAddress(headers);
  if (hops === 0) return peer;
  const forwarded = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = forwarded[forwarded.length - hops] ?? forwarded[0];
  return entry ? canonicalAddress(entry) : peer;
}
