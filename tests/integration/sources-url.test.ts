// URL import against a local server on 127.0.0.1 (nothing leaves the machine:
// refused addresses are refused before any connection is opened).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { fetchPage } from "@/lib/sources/fetch-page";
import { createSource, previewSource } from "@/lib/sources/service";

import { counts, createActor } from "./sources-support";

const article = `<!doctype html><html lang="en"><head><title>Local article</title><meta property="og:site_name" content="Intranet News"></head>
<body><nav>Home · World</nav><article><h1>Local article</h1><p>The first paragraph of the local article is long enough to be the article.</p><p>Second paragraph.</p></article><footer>Footer</footer></body></html>`;

let server: http.Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    hits.push(request.url ?? "");
    const path = request.url ?? "/";
    if (path === "/article") {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(article);
    } else if (path === "/plain") {
      response.writeHead(200, { "Content-Type": "text/plain" }).end("Plain title\n\nA plain text page 😀 with one paragraph.");
    } else if (path.startsWith("/to/")) {
      response.writeHead(302, { Location: decodeURIComponent(path.slice(4)) }).end();
    } else if (path.startsWith("/loop/")) {
      const n = Number(path.slice(6));
      response.writeHead(301, { Location: `/loop/${n + 1}` }).end();
    } else if (path === "/pdf") {
      response.writeHead(200, { "Content-Type": "application/pdf" }).end("%PDF-1.7");
    } else if (path === "/huge") {
      response.writeHead(200, { "Content-Type": "text/html" });
      const chunk = `<p>${"x".repeat(64 * 1024)}</p>`;
      let sent = 0;
      const push = () => {
        while (sent < 6 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", push);
        }
        response.end();
      };
      push();
    } else if (path === "/slow") {
      setTimeout(() => response.writeHead(200, { "Content-Type": "text/html" }).end(article), 2_000).unref();
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  delete process.env.PARALLAX_ALLOW_PRIVATE_URLS;
  hits.length = 0;
});

const loopbackOnly = { policy: { allowedRanges: new Set(["loopback"]) } };

describe("URL import", () => {
  it("refuses a loopback URL by default, without connecting, and stores nothing", async () => {
    const analyst = await createActor();
    const before = await counts();
    await expect(createSource(analyst, { url: `${base}/article` })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("points to a loopback address"),
      errors: { url: expect.any(String) },
    });
    // A host name's resolution is never told (issue 9 item 8).
    await expect(previewSource(analyst, { url: "http://localhost:1/" })).rejects.toMatchObject({
      status: 422,
      message: expect.not.stringMatching(/127\.0\.0\.1|::1|loopback/),
    });
    expect(hits).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it("fetches and imports the page when PARALLAX_ALLOW_PRIVATE_URLS=true", async () => {
    const analyst = await createActor();
    process.env.PARALLAX_ALLOW_PRIVATE_URLS = "true";
    const source = await createSource(analyst, { url: `${base}/to/${encodeURIComponent("/article")}` });
    expect(source).toMatchObject({ title: "Local article", outlet: "Intranet News", url: `${base}/article`, language: "en" });
    expect(source.text).toBe("The first paragraph of the local article is long enough to be the article.\n\nSecond paragraph.");
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).rawFormat).toBe("html");
    const plain = await previewSource(analyst, { url: `${base}/plain` });
    expect(plain.text).toBe("Plain title\n\nA plain text page 😀 with one paragraph.");
  });

  it("re-checks every redirect: a hop to a private or metadata address is refused", async () => {
    for (const target of ["http://10.0.0.1/admin", "http://169.254.169.254/latest/meta-data/", "http://[::ffff:10.0.0.1]/"]) {
      await expect(fetchPage(`${base}/to/${encodeURIComponent(target)}`, loopbackOnly)).rejects.toMatchObject({
        status: 422,
        message: expect.stringMatching(/private network|link-local/),
      });
    }
    await expect(fetchPage(`${base}/to/${encodeURIComponent("file:///etc/passwd")}`, loopbackOnly)).rejects.toMatchObject({
      message: "Only http and https URLs can be imported.",
    });
  });

  it("stops after 5 redirects, refuses other content types, oversized bodies and slow pages", async () => {
    await expect(fetchPage(`${base}/loop/0`, loopbackOnly)).rejects.toMatchObject({
      status: 422,
      message: "The page redirected more than 5 times.",
    });
    expect(hits).toHaveLength(6);
    await expect(fetchPage(`${base}/pdf`, loopbackOnly)).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("application/pdf"),
    });
    await expect(fetchPage(`${base}/huge`, loopbackOnly)).rejects.toMatchObject({ status: 413 });
    await expect(fetchPage(`${base}/slow`, { ...loopbackOnly, timeoutMs: 300 })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("did not load within"),
    });
    await expect(fetchPage(`${base}/missing`, loopbackOnly)).rejects.toMatchObject({
      status: 422,
      message: "The page answered with HTTP 404.",
    });
  });
});
