import { createComparisonSchema } from "@/lib/comparisons/schemas";
import { createComparison, listComparisons } from "@/lib/comparisons/service";
import { apiRoute, json, readJson } from "@/lib/http/api";

/** Two inline sources of up to 5 MB each, base64 when uploaded. */
const BODY_MAX_BYTES = 16 * 1024 * 1024;

export const GET = apiRoute(async ({ request, actor }) => {
  const includeArchived = new URL(request.url).searchParams.get("archived") === "include";
  return json({ comparisons: await listComparisons(actor, { includeArchived }) });
});

export const POST = apiRoute(async ({ request, actor }) => {
  const body = await readJson(request, createComparisonSchema, BODY_MAX_BYTES);
  const comparison = await createComparison(actor, body);
  return json(comparison, { status: 201, headers: { Location: `/api/v1/comparisons/${comparison.id}` } });
});
