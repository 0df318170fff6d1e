import { describe, expect, it } from "vitest";

import {
  assertAddressAllowed,
  classifyAddress,
  defaultAddressPolicy,
  ipLiteral,
  isAddressAllowed,
  parseFetchableUrl,
  PRIVATE_RANGES,
} from "@/lib/sources/url-guard";

const intranet = { allowedRanges: new Set<string>(PRIVATE_RANGES) };

describe("address classification", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["224.0.0.251", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:a9fe:a9fe", "linkLocal"],
    ["::ffff:0:10.0.0.1", "private"],
    ["64:ff9b::7f00:1", "loopback"],
    ["2002:c0a8:0101::1", "private"],
    ["8.8.8.8", "unicast"],
    ["2001:4860:4860::8888", "unicast"],
  ])("%s is %s", (address, range) => {
    expect(classifyAddress(address)).toBe(range);
  });

  it("allows only public unicast by default", () => {
    expect(isAddressAllowed("93.184.215.14")).toBe(true);
    expect(isAddressAllowed("2606:2800:21f:cb07:6820:80da:af6b:8b2c")).toBe(true);
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "169.254.169.254",
      "100.100.100.100",
      "::ffff:192.168.0.1",
      "fc00::1",
      "192.0.2.10",
      "64:ff9b::808:808",
    ]) {
      expect(isAddressAllowed(address), address).toBe(false);
    }
  });

  it("lets an intranet policy reach private ranges but never multicast or unspecified", () => {
    expect(isAddressAllowed("10.0.0.1", intranet)).toBe(true);
    expect(isAddressAllowed("::1", intranet)).toBe(true);
    expect(isAddressAllowed("224.0.0.1", intranet)).toBe(false);
    expect(isAddressAllowed("0.0.0.0", intranet)).toBe(false);
  });

  it("can be scoped: allowing loopback does not allow link-local metadata addresses", () => {
    const loopbackOnly = { allowedRanges: new Set(["loopback"]) };
    expect(isAddressAllowed("127.0.0.1", loopbackOnly)).toBe(true);
    expect(() => assertAddressAllowed("169.254.169.254", "169.254.169.254", loopbackOnly)).toThrow(/link-local address/);
    expect(() => assertAddressAllowed("10.0.0.1", "10.0.0.1", loopbackOnly)).toThrow(/private network address/);
  });

  it("reads PARALLAX_ALLOW_PRIVATE_URLS at call time", () => {
    const saved = process.env.PARALLAX_ALLOW_PRIVATE_URLS;
    try {
      delete process.env.PARALLAX_ALLOW_PRIVATE_URLS;
      expect(isAddressAllowed("192.168.0.10", defaultAddressPolicy())).toBe(false);
      process.env.PARALLAX_ALLOW_PRIVATE_URLS = "true";
      expect(isAddressAllowed("192.168.0.10", defaultAddressPolicy())).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.PARALLAX_ALLOW_PRIVATE_URLS;
      else process.env.PARALLAX_ALLOW_PRIVATE_URLS = saved;
    }
  });
});

describe("IPv6: only global unicast, nothing that embeds IPv4 (issue 9 item 8)", () => {
  it.each([
    ["::127.0.0.1", "loopback"],
    ["::7f00:1", "loopback"],
    ["::a9fe:a9fe", "linkLocal"],
    ["::10.0.0.1", "private"],
    ["::8.8.8.8", "translated"],
    ["::ffff:8.8.8.8", "translated"],
    ["2001:db8::1", "reserved"],
    ["3fff::1", "reserved"],
    ["2001:2::1", "benchmarking"],
    ["2001::1", "teredo"],
    ["100::1", "discard"],
    ["4000::1", "reserved"],
    ["fec0::1", "deprecatedSiteLocal"],
  ])("%s is %s", (address, range) => {
    expect(classifyAddress(address)).toBe(range);
    expect(isAddressAllowed(address), address).toBe(false);
  });

  it("refuses IPv4-compatible literals in URLs, as the review's probes wrote them", () => {
    for (const host of ["[::127.0.0.1]", "[::a9fe:a9fe]"]) {
      const literal = ipLiteral(parseFetchableUrl(`http://${host}/`).hostname)!;
      expect(isAddressAllowed(literal), host).toBe(false);
    }
  });

  it("still allows public global unicast", () => {
    expect(isAddressAllowed("2a00:1450:4007:80e::200e")).toBe(true);
    expect(isAddressAllowed("2606:4700::6810:84e5")).toBe(true);
  });

  it("never tells what a host name resolved to", () => {
    let message = "";
    try {
      assertAddressAllowed("169.254.169.254", "metadata.internal");
    } catch (error) {
      message = JSON.stringify({ message: (error as Error).message, errors: (error as { errors?: unknown }).errors });
    }
    expect(message).toContain("metadata.internal");
    expect(message).not.toMatch(/169\.254|link-local/);
  });
});

describe("URL shape", () => {
  it("accepts http and https only, without credentials", () => {
    expect(parseFetchableUrl("https://example.org/a?b=1").hostname).toBe("example.org");
    for (const bad of [
      "file:///etc/passwd",
      "ftp://example.org/",
      "gopher://x",
      "javascript:alert(1)",
      "not a url",
      "http://user:pw@example.org/",
    ]) {
      expect(() => parseFetchableUrl(bad), bad).toThrow();
    }
  });

  it("recognises IP literals however they are written", () => {
    expect(ipLiteral(parseFetchableUrl("http://[::ffff:127.0.0.1]/").hostname)).toBe("::ffff:7f00:1");
    expect(ipLiteral(parseFetchableUrl("http://2130706433/").hostname)).toBe("127.0.0.1");
    expect(ipLiteral(parseFetchableUrl("http://0x7f.1/").hostname)).toBe("127.0.0.1");
    expect(ipLiteral("example.org")).toBeNull();
  });
});
