// The route layer (lib/http/api.ts) through real route handlers with a
// bearer token against PostgreSQL (issue 13 item 5): transport refusals are
// clear problem+json 4xx that write nothing; an unexpected error is a 500
// that carries only an error id.
import { beforeAll, describe, expect, it } from "vitest";

import { GET as listAnnotationsRoute, POST as createAnnotationRoute } from "@/app/api/v1/comparisons/[id]/annotations/route";
import { GET as reviewQueueRoute } from "@/app/api/v1/reviews/queue/route";
import { POST as createComparisonRoute } from "@/app/api/v1/comparisons/route";
import { db } from "@/lib/db";
import { apiRoute } from "@/lib/http/api";
import { createComparison, createUser, type TestComparison, type TestUser } from "@/tests/support/factories";

import { call, tokenFor } from "./route-support";

let analyst: TestUser;
let comparison: TestComparison;
let writer: string;

beforeAll(async () => {
  analyst = await createUser("analyst");
  comparison = await createComparison();
  writer = (await tokenFor(analyst, ["read", "write"])).secret;
});

type ProblemBody = { type: string; title: string; status: number; detail: string; errorId?: string; stack?: unknown };

async function problem(response: Response): Promise<ProblemBody> {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as ProblemBody;
}

const annotationCount = () => db.annotation.count({ where: { comparisonId: comparison.id } });

describe("route layer", () => {
  it("answers 413 to a body over the route's limit and writes nothing", async () => {
    const before = await annotationCount();
    const huge = JSON.stringify({ kind: "note", rationale: "x".repeat(5 * 1024 * 1024), spans: [] });
    const response = await call(
      createAnnotationRoute,
      "POST",
      `/api/v1/comparisons/${comparison.id}/annotations`,
      { id: comparison.id },
      {
        token: writer,
        body: huge,
        headers: { "content-type": "application/json" },
      },
    );
    expect(response.status).toBe(413);
    expect((await problem(response)).title).toBe("Too large");
    expect(await annotationCount()).toBe(before);
  });

  it("answers 400 to malformed JSON, naming the problem", async () => {
    const response = await call(
      createComparisonRoute,
      "POST",
      "/api/v1/comparisons",
      {},
      {
        token: writer,
        body: '{"title": "half',
        headers: { "content-type": "application/json" },
      },
    );
    expect(response.status).toBe(400);
    expect((await problem(response)).detail).toBe("The body is not valid JSON.");
  });

  it("answers 400 to a body that is not JSON by content type", async () => {
    const response = await call(
      createComparisonRoute,
      "POST",
      "/api/v1/comparisons",
      {},
      {
        token: writer,
        body: "title=Form+post",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      },
    );
    expect(response.status).toBe(400);
    expect((await problem(response)).detail).toMatch(/Content-Type: application\/json/);
    expect(await db.comparison.count({ where: { title: "Form post" } })).toBe(0);
  });

  it("answers 400 at once to a 100,000-character hostile Content-Type and writes nothing", async () => {
    for (const contentType of [`application/${"+".repeat(100_000)}x`, `application/${"a+".repeat(50_000)}jso; charset=utf-8`]) {
      const started = performance.now();
      const response = await call(
        createComparisonRoute,
        "POST",
        "/api/v1/comparisons",
        {},
        { token: writer, body: JSON.stringify({ title: "Hostile type" }), headers: { "content-type": contentType } },
      );
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(response.status).toBe(400);
      expect((await problem(response)).detail).toMatch(/Content-Type: application\/json/);
    }
    expect(await db.comparison.count({ where: { title: "Hostile type" } })).toBe(0);
  });

  it("accepts a structured JSON type with parameters", async () => {
    const response = await call(
      createComparisonRoute,
      "POST",
      "/api/v1/comparisons",
      {},
      {
        token: writer,
        body: JSON.stringify({ title: "Typed JSON", sourceIds: comparison.sources.map((source) => source.id) }),
        headers: { "content-type": "Application/Vnd.Parallax+JSON ; charset=UTF-8" },
      },
    );
    expect(response.status).toBe(201);
  });

  it("lets a read token list annotations and the review queue (both in the operation table)", async () => {
    const reader = (await tokenFor(analyst, ["read"])).secret;
    const path = `/api/v1/comparisons/${comparison.id}/annotations`;
    const listed = await call(listAnnotationsRoute, "GET", path, { id: comparison.id }, { token: reader });
    expect(listed.status).toBe(200);
    expect(await listed.json()).toMatchObject({ annotations: expect.any(Array), nextCursor: null });
    const queue = await call(reviewQueueRoute, "GET", "/api/v1/reviews/queue", {}, { token: reader });
    expect(queue.status).toBe(403); // an analyst has no review queue: the role, not the token, refuses
    expect((await problem(queue)).detail).not.toMatch(/token/i);
  });

  it("names the invalid field of a well-formed body", async () => {
    const response = await call(
      createComparisonRoute,
      "POST",
      "/api/v1/comparisons",
      {},
      {
        token: writer,
        json: { title: "", sourceIds: comparison.sources.map((source) => source.id) },
      },
    );
    expect(response.status).toBe(400);
    const body = (await problem(response)) as ProblemBody & { errors?: Record<string, string> };
    expect(Object.keys(body.errors ?? {})).toContain("title");
  });

  it("turns an unexpected error into a 500 with an error id and no message or stack", async () => {
    const failing = apiRoute(async () => {
      throw new Error("connection to 10.0.0.7 failed: password=hunter2");
    });
    const response = await call(failing, "GET", "/api/v1/comparisons", {}, { token: writer });
    expect(response.status).toBe(500);
    const text = await response.clone().text();
    const body = await problem(response);
    expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.detail).toContain(body.errorId);
    expect(text).not.toMatch(/hunter2|10\.0\.0\.7|at .*\.ts|stack/);
  });

  it("answers 401 problem+json without credentials", async () => {
    const response = await call(
      createComparisonRoute,
      "POST",
      "/api/v1/comparisons",
      {},
      {
        token: "plx_" + "B".repeat(43),
        json: { title: "x" },
      },
    );
    expect(response.status).toBe(401);
    expect((await problem(response)).title).toBe("Not signed in");
  });
});
