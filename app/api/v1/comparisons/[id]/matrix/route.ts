import { getComparisonMatrix } from "@/lib/comparisons/service";
import { apiRoute, json, readQuery } from "@/lib/http/api";

/** `?kind=&status=&tag=&credibility=&sort=agreement|position` → `{columns, rows}` (cells per source). */
export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await getComparisonMatrix(actor, params.id, readQuery(request))),
);
