/**
 * Which addresses the server may fetch a page from. Anything but public
 * unicast is refused by default: loopback, private, link-local (cloud
 * metadata at 169.254.169.254), CGNAT, multicast, unspecified, reserved. For
 * IPv6 only global unicast (2000::/3) counts as public, minus its reserved
 * and documentation blocks and every form that embeds an IPv4 address
 * (mapped, IPv4-compatible ::a.b.c.d, NAT64, 6to4, Teredo): those are
 * classified by the IPv4 address inside, and refused even when it is public.
 * Intranet deployments opt in to private ranges with PARALLAX_ALLOW_PRIVATE_URLS.
 * Refusals never say what a host name resolved to.
 */
import ipaddr from "ipaddr.js";

import { AppError } from "@/lib/errors";

/** Ranges an intranet deployment may allow; the rest are never fetchable. */
export const PRIVATE_RANGES = ["private", "loopback", "linkLocal", "carrierGradeNat", "uniqueLocal"] as const;

export type AddressPolicy = {
  /** Non-public ranges (ipaddr.js range names) that are allowed anyway. */
  allowedRanges?: ReadonlySet<string>;
};

/** Read at call time so the flag can change without a restart (and in tests). */
export function defaultAddressPolicy(): AddressPolicy {
  const flag = process.env.PARALLAX_ALLOW_PRIVATE_URLS;
  return flag === "true" || flag === "1" ? { allowedRanges: new Set(PRIVATE_RANGES) } : {};
}

/** The ipaddr.js range of an address; embedded IPv4 addresses are classified as IPv4. */
export function classifyAddress(address: string): string {
  if (!ipaddr.isValid(address)) return "invalid";
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv4") return parsed.range();
  const v6 = parsed as ipaddr.IPv6;
  const bytes = v6.toByteArray();
  const range = v6.range();
  // Mapped (::ffff:a.b.c.d), rfc6145 (::ffff:0:a.b.c.d) and NAT64 carry an IPv4 address in their low bits, 6to4 in the middle.
  if (range === "ipv4Mapped" || range === "rfc6145" || range === "rfc6052") return embeddedIPv4(bytes.slice(12));
  if (range === "6to4") return embeddedIPv4(bytes.slice(2, 6));
  // IPv4-compatible (::a.b.c.d, deprecated): 96 zero bits, then the IPv4 address.
  if (range === "unicast" && bytes.slice(0, 12).every((byte) => byte === 0)) return embeddedIPv4(bytes.slice(12));
  // Everything public is inside 2000::/3; ipaddr.js names its reserved blocks (documentation, Teredo, ORCHID…).
  if (range === "unicast") return (bytes[0]! & 0xe0) === 0x20 ? "unicast" : "reserved";
  return range;
}

function embeddedIPv4(bytes: number[]): string {
  const range = new ipaddr.IPv4(bytes).range();
  // Translation prefixes are not plain public unicast even when the embedded address is.
  return range === "unicast" ? "translated" : range;
}

export function isAddressAllowed(address: string, policy: AddressPolicy = {}): boolean {
  const range = classifyAddress(address);
  return range === "unicast" || (policy.allowedRanges?.has(range) ?? false);
}

const rangeLabel: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private network address",
  uniqueLocal: "a private network address",
  linkLocal: "a link-local address",
  carrierGradeNat: "a carrier-grade NAT address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
  unspecified: "an unspecified address",
};

/**
 * Throws a 422 when `address` (of `host`) may not be fetched. For an IP
 * literal the message names the kind of address the user typed; for a host
 * name it says nothing about what the name resolved to, so the server cannot
 * be used to map internal names and addresses.
 */
export function assertAddressAllowed(address: string, host: string, policy: AddressPolicy = {}): void {
  if (isAddressAllowed(address, policy)) return;
  const isLiteral = ipLiteral(host) !== null;
  const what = isLiteral ? (rangeLabel[classifyAddress(address)] ?? "a reserved, non-public address") : "an address that is not public";
  throw new AppError("unprocessable", `Refused to fetch ${host}: it points to ${what}. Only public web addresses can be imported.`, {
    errors: { url: `Points to ${what}; only public web addresses can be imported.` },
  });
}

/** Parses and checks a URL's shape: http(s) only, no credentials. */
export function parseFetchableUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw urlError("This is not a valid URL.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw urlError("Only http and https URLs can be imported.");
  if (url.username || url.password) throw urlError("URLs with a user name or password cannot be imported.");
  return url;
}

/** The IP literal in a URL host ("[::1]" → "::1"), or null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}

export function urlError(message: string): AppError {
  return new AppError("unprocessable", message, { errors: { url: message } });
}
