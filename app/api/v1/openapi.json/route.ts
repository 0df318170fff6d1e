import { buildOpenApiDocument } from "@/lib/openapi/document";

/** The OpenAPI 3.1 document of this API (public: it describes, it reveals nothing). */
export function GET(): Response {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
