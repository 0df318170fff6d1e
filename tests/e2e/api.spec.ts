import { expect, test } from "@playwright/test";

import { demo, demoComparisonId, signInApi } from "./support/auth";

test.describe("HTTP API with a session cookie", () => {
  test("lists comparisons and returns one with its sources in order and its annotations", async ({ request }) => {
    await signInApi(request, demo.analyst);
    const id = await demoComparisonId(request);
    const response = await request.get(`/api/v1/comparisons/${id}`);
    expect(response.status()).toBe(200);
    const body = await response.json();
    const [a, b, c] = body.sources;
    expect(body.sources).toHaveLength(3);
    expect([a.label, b.label, c.label]).toEqual(["A", "B", "C"]);
    expect(a.outlet).toBe("CNews Live");
    expect(b.outlet).toBeNull();
    expect(c.outlet).toMatch(/sample/i);
    expect(a.text).toContain("Most fighters have simply reappeared");
    expect(a.text).not.toContain("WhatsApp");
    expect(body.annotations.length).toBeGreaterThanOrEqual(2);
    for (const annotation of body.annotations) {
      for (const span of annotation.spans) {
        const text = body.sources.find((source: { id: string }) => source.id === span.sourceId).text;
        expect(text.slice(span.start, span.end)).toBe(span.exact);
      }
    }
  });

  test("unknown ids are 404 problem documents", async ({ request }) => {
    await signInApi(request, demo.analyst);
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const response = await request.get(`/api/v1/comparisons/${id}`);
      expect(response.status()).toBe(404);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
    }
  });

  test("writes refuse foreign origins and non-JSON bodies", async ({ request }) => {
    await signInApi(request, demo.analyst);
    const id = await demoComparisonId(request);
    const url = `/api/v1/comparisons/${id}/annotations`;
    const foreign = await request.post(url, { data: { kind: "note" }, headers: { Origin: "https://evil.example" } });
    expect(foreign.status()).toBe(403);
    const form = await request.post(url, { form: { kind: "note" } });
    expect(form.status()).toBe(400);
    expect((await form.json()).detail).toMatch(/JSON/);
  });
});
