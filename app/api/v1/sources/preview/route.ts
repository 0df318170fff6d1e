import { apiRoute, json, readBody } from "@/lib/http/api";
import { previewSource } from "@/lib/sources/service";

import { SOURCE_BODY_MAX_BYTES } from "../limits";

/** Cleans an article and guesses its metadata; stores nothing. */
export const POST = apiRoute(async ({ request, actor }) => {
  const body = await readBody(request, SOURCE_BODY_MAX_BYTES);
  return json(await previewSource(actor, body));
});
