import { getAnnotationHistory } from "@/lib/history/service";
import { apiRoute, json, readQuery } from "@/lib/http/api";

/** `events` is paged (`cursor`, `limit`); `nextCursor` names the next page of them. */
export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await getAnnotationHistory(actor, params.id, readQuery(request))),
);
