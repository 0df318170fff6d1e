import { createComparison, listComparisons } from "@/lib/comparisons/service";
import { apiRoute, json, readBody, readQuery } from "@/lib/http/api";

/** Inline sources travel in the body; for many large ones, import them with POST /sources first and pass their ids. */
const BODY_MAX_BYTES = 16 * 1024 * 1024;

export const GET = apiRoute(async ({ request, actor }) => {
  const includeArchived = new URL(request.url).searchParams.get("archived") === "include";
  const page = await listComparisons(actor, { includeArchived }, readQuery(request));
  return json({ comparisons: page.items, nextCursor: page.nextCursor });
});

export const POST = apiRoute(async ({ request, actor }) => {
  const body = await readBody(request, BODY_MAX_BYTES);
  const comparison = await createComparison(actor, body);
  return json(comparison, { status: 201, headers: { Location: `/api/v1/comparisons/${comparison.id}` } });
});
