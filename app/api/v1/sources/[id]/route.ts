import { apiRoute, json, readBody } from "@/lib/http/api";
import { updateSource } from "@/lib/sources/service";

import { SOURCE_BODY_MAX_BYTES } from "../limits";

/** Metadata always; the text only while no annotation points into it (409 otherwise). */
export const PATCH = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const body = await readBody(request, SOURCE_BODY_MAX_BYTES);
  return json(await updateSource(actor, params.id, body));
});
