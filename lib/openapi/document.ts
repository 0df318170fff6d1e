// The OpenAPI 3.1 document of /api/v1, built from the operation table and
// the services' zod schemas: auth schemes (the next-auth session cookie and
// personal access tokens as bearer tokens, whose scopes each operation
// names), problem+json errors, request bodies and query parameters.
import { tokenScopeDescriptions } from "@/lib/tokens/schemas";

import { queryParameters, toJsonSchema, type JsonSchema } from "./json-schema";
import { operations } from "./operations";
import type { Operation } from "./types";

const errorDescriptions: Record<number, string> = {
  400: "Malformed request (bad JSON, wrong content type, invalid field: see errors)",
  401: "Not signed in, or the token is unknown, revoked or expired",
  403: "Not allowed (role, ownership, four-eyes rule, or the token lacks the scope)",
  404: "Not found (or a draft of someone else)",
  409: "Stale version or illegal state change; `current` holds the record as it is",
  413: "Body or file too large",
  422: "Semantically invalid (e.g. a span that does not match the text)",
  429: "Rate limited",
  500: "Unexpected error: only an errorId, never details",
  503: "Busy (the report queue is full): retry after Retry-After seconds",
};

const problemSchema: JsonSchema = {
  type: "object",
  description: "RFC 9457 problem details",
  required: ["type", "title", "status", "detail"],
  properties: {
    type: { type: "string", format: "uri" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    errors: { type: "object", additionalProperties: { type: "string" }, description: "Field path → message" },
    errorId: { type: "string", description: "For 500s: quote it when reporting" },
    current: { description: "For 409s: the record as it is now" },
  },
};

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name: name!,
    in: "path" as const,
    required: true,
    schema: name === "number" || name === "other" ? { type: "integer", minimum: 1 } : { type: "string", format: "uuid" },
  }));
}

function security(operation: Operation) {
  if (operation.isPublic) return [];
  return operation.scope ? [{ sessionCookie: [] }, { bearerToken: [operation.scope] }] : [{ sessionCookie: [] }];
}

function toOperation(operation: Operation) {
  const errors = [...new Set([400, 401, 403, 404, 422, 500, ...(operation.errors ?? [])])].sort();
  const parameters = [...pathParameters(operation.path), ...(operation.query ? queryParameters(operation.query) : [])];
  const { status, description, contentType = "application/json" } = operation.success;
  return {
    operationId: `${operation.method}${operation.path.replace(/^\/api\/v1/, "").replace(/[^a-zA-Z0-9]+(\w)?/g, (_, c: string = "") => c.toUpperCase())}`,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    security: security(operation),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            description:
              operation.body.description ??
              `JSON${operation.body.maxBytes ? `, at most ${operation.body.maxBytes / 1024 / 1024} MB` : ", at most 4 MB"}`,
            content: { [operation.body.contentType ?? "application/json"]: { schema: toJsonSchema(operation.body.schema) } },
          },
        }
      : {}),
    responses: {
      [status]:
        status === 204
          ? { description }
          : { description, content: { [contentType]: { schema: contentType.startsWith("application/json") ? { type: "object" } : {} } } },
      ...Object.fromEntries(errors.map((code) => [code, { $ref: `#/components/responses/Problem${code}` }])),
    },
  };
}

export function buildOpenApiDocument(serverUrl = "/") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) (paths[operation.path] ??= {})[operation.method] = toOperation(operation);
  return {
    openapi: "3.1.0",
    info: {
      title: "Parallax API",
      version: "1",
      description:
        "The JSON API the Parallax UI itself uses. Sign in with the next-auth session cookie (writes from browsers must be same-origin), or send a personal access token as `Authorization: Bearer …` (create one under Settings → API tokens). A token acts with its owner's role, never more, and only within its scopes: `read` for GET, `write` for changes, `review` for review decisions; it cannot manage users or tokens.",
    },
    servers: [{ url: serverUrl }],
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "The session of a signed-in user (`__Secure-next-auth.session-token` over HTTPS). POST /api/auth/callback/credentials signs in.",
        },
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: `A personal access token (\`pat_…\`). Scopes: ${Object.entries(tokenScopeDescriptions)
            .map(([scope, text]) => `\`${scope}\` — ${text}`)
            .join(" ")}`,
        },
      },
      schemas: { Problem: problemSchema },
      responses: Object.fromEntries(
        Object.entries(errorDescriptions).map(([code, description]) => [
          `Problem${code}`,
          { description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
        ]),
      ),
    },
  };
}
