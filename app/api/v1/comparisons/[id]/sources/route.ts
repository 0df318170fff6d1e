import { addComparisonSource, reorderComparisonSources } from "@/lib/comparisons/sources-service";
import { apiRoute, json, readBody } from "@/lib/http/api";

import { SOURCE_BODY_MAX_BYTES } from "../../../sources/limits";

/** `{sourceId, label?, position?}` or a new source inline (as POST /sources) → the comparison with its sources. */
export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await addComparisonSource(actor, params.id, await readBody(request, SOURCE_BODY_MAX_BYTES)), { status: 201 }),
);

/** `{sourceIds}`: the new order, every source once. */
export const PATCH = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await reorderComparisonSources(actor, params.id, await readBody(request))),
);
