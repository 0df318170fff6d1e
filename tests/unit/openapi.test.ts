// The OpenAPI document: valid OpenAPI 3.1 for a real validator, covering
// every route file and method under app/api/v1, with auth schemes, scopes and
// problem+json errors, and eitherByKey bodies described as oneOf.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";

import { buildOpenApiDocument } from "@/lib/openapi/document";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const apiRoot = path.resolve("app/api/v1");

function routeFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/comparisons/[id]/route.ts → /api/v1/comparisons/{id} */
function openApiPath(file: string): string {
  const relative = path.relative(apiRoot, path.dirname(file)).split(path.sep).filter(Boolean);
  return `/api/v1${relative.map((part) => `/${part.replace(/^\[(\w+)\]$/, "{$1}")}`).join("")}`;
}

function exportedMethods(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) =>
    match[1]!.toLowerCase(),
  );
}

describe("OpenAPI document", () => {
  const document = buildOpenApiDocument() as Json;

  it("is valid OpenAPI 3.1 for @readme/openapi-parser", async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(document.openapi).toBe("3.1.0");
  });

  it("documents every route file and method under app/api/v1, and nothing else", () => {
    const files = routeFiles(apiRoot);
    expect(files.length).toBeGreaterThan(30);
    const expected = files.flatMap((file) => exportedMethods(file).map((method) => `${method.toUpperCase()} ${openApiPath(file)}`));
    const documented = Object.entries(document.paths as Json).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual(expected.sort());
  });

  it("names the auth schemes, each operation's token scope, and problem+json errors", () => {
    expect(document.components.securitySchemes).toMatchObject({
      sessionCookie: { type: "apiKey", in: "cookie" },
      bearerToken: { type: "http", scheme: "bearer" },
    });
    const paths = document.paths as Json;
    expect(paths["/api/v1/comparisons"].get.security).toEqual([{ sessionCookie: [] }, { bearerToken: ["read"] }]);
    expect(paths["/api/v1/comparisons/{id}/annotations"].post.security).toEqual([{ sessionCookie: [] }, { bearerToken: ["write"] }]);
    expect(paths["/api/v1/annotations/{id}/reviews"].post.security).toEqual([{ sessionCookie: [] }, { bearerToken: ["review"] }]);
    expect(paths["/api/v1/users"].post.security).toEqual([{ sessionCookie: [] }]);
    expect(paths["/api/v1/tokens"].post.security).toEqual([{ sessionCookie: [] }]);
    expect(paths["/api/v1/comparisons/{id}/annotations"].post.responses[422]).toEqual({ $ref: "#/components/responses/Problem422" });
    expect(document.components.responses.Problem422.content["application/problem+json"].schema).toEqual({
      $ref: "#/components/schemas/Problem",
    });
  });

  it("describes bodies and queries from the services' zod schemas, eitherByKey as oneOf", () => {
    const paths = document.paths as Json;
    const create = paths["/api/v1/comparisons/{id}/annotations"].post.requestBody.content["application/json"].schema;
    expect(create.required).toEqual(expect.arrayContaining(["kind", "rationale", "spans"]));
    expect(create.properties.kind.enum).toEqual(["agreement", "contradiction", "note"]);
    const add = paths["/api/v1/comparisons/{id}/sources"].post.requestBody.content["application/json"].schema;
    expect(add.oneOf).toHaveLength(2);
    expect(add.oneOf[0].required).toContain("sourceId");
    expect(add.oneOf[1].properties).toHaveProperty("title");
    const csvQuery = paths["/api/v1/comparisons/{id}/annotations.csv"].get.parameters.map((p: Json) => p.name);
    expect(csvQuery).toEqual(["id", "kind", "status", "author", "tag", "q"]);
    const importQuery = paths["/api/v1/comparisons/{id}/imports"].post.parameters.find((p: Json) => p.name === "dryRun");
    expect(importQuery).toMatchObject({ in: "query", required: false });
  });
});
