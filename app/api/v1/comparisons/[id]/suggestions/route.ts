import { apiRoute, json, readQuery } from "@/lib/http/api";
import { listSuggestions } from "@/lib/suggestions/service";

/** `?kind=&minScore=&sourceA=&sourceB=&limit=` → `{job, skipped, suggestions, total}` (open suggestions, best first). */
export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await listSuggestions(actor, params.id, readQuery(request))),
);
