import { listComparisons } from "@/lib/comparisons/service";
import { apiRoute, json } from "@/lib/http/api";

export const GET = apiRoute(async ({ request, actor }) => {
  const includeArchived = new URL(request.url).searchParams.get("archived") === "include";
  return json({ comparisons: await listComparisons(actor, { includeArchived }) });
});
