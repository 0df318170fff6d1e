// Request bodies are counted while they stream in and abandoned at the limit
// (issue 9 item 5): a 24 MB chunked upload to a 4 MB endpoint costs 4 MB.
import { describe, expect, it } from "vitest";

import { readBody } from "@/lib/http/api";

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A chunked (no Content-Length) JSON upload of `total` bytes; counts what the server pulled. */
function chunkedUpload(total: number) {
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled.bytes >= total) return controller.close();
        pulled.bytes += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request("http://localhost/api/v1/comparisons", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled };
}

describe("request body limit", () => {
  it("stops reading a chunked body at the limit and answers 413", async () => {
    const { request, pulled } = chunkedUpload(24 * MB);
    await expect(readBody(request, 4 * MB)).rejects.toMatchObject({ status: 413 });
    expect(pulled.bytes).toBeLessThanOrEqual(4 * MB + 2 * CHUNK);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const { request, pulled } = chunkedUpload(24 * MB);
    const declared = new Request(request, { headers: { "content-type": "application/json", "content-length": String(24 * MB) } });
    await expect(readBody(declared, 4 * MB)).rejects.toMatchObject({ status: 413 });
    expect(pulled.bytes).toBeLessThanOrEqual(CHUNK);
  });

  it("reads a body under the limit, multi-byte characters split across chunks included", async () => {
    const text = JSON.stringify({ title: "Café 🇲🇱 ".repeat(20_000) });
    const bytes = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 1000) controller.enqueue(bytes.slice(offset, offset + 1000));
        controller.close();
      },
    });
    const request = new Request("http://localhost/x", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(await readBody(request)).toEqual(JSON.parse(text));
  });
});
