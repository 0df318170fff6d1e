import { removeComparisonSource, updateComparisonSource } from "@/lib/comparisons/sources-service";
import { apiRoute, json, readBody } from "@/lib/http/api";

type Params = { id: string; sourceId: string };

/** `{position?, label?, reliability?: "A"…"F", reliabilityNote?}` */
export const PATCH = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await updateComparisonSource(actor, params.id, params.sourceId, await readBody(request))),
);

/** Only a source no annotation uses (409 otherwise); at least two stay. */
export const DELETE = apiRoute<Params>(async ({ actor, params }) => json(await removeComparisonSource(actor, params.id, params.sourceId)));
