import { apiRoute, json, readBody } from "@/lib/http/api";
import { resolveSpan } from "@/lib/versions/resolve-service";

/** `{action: "reselect", version, start, end, exact}` (an edit: re-review needed) or `{action: "keep", version}`. */
export const POST = apiRoute<{ id: string; spanId: string }>(async ({ request, actor, params }) =>
  json(await resolveSpan(actor, params.id, params.spanId, await readBody(request))),
);
