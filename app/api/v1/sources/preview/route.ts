import { apiRoute, json, readJson } from "@/lib/http/api";
import { sourceInputSchema } from "@/lib/sources/schemas";
import { previewSource } from "@/lib/sources/service";

import { SOURCE_BODY_MAX_BYTES } from "../limits";

/** Cleans an article and guesses its metadata; stores nothing. */
export const POST = apiRoute(async ({ request, actor }) => {
  const body = await readJson(request, sourceInputSchema, SOURCE_BODY_MAX_BYTES);
  return json(await previewSource(actor, body));
});
