import { apiRoute, json, readBody, readQuery } from "@/lib/http/api";
import { createSource, listSources } from "@/lib/sources/service";

import { SOURCE_BODY_MAX_BYTES } from "./limits";

export const GET = apiRoute(async ({ request, actor }) => {
  const page = await listSources(actor, readQuery(request));
  return json({ sources: page.items, nextCursor: page.nextCursor });
});

export const POST = apiRoute(async ({ request, actor }) => {
  const body = await readBody(request, SOURCE_BODY_MAX_BYTES);
  const source = await createSource(actor, body);
  return json(source, { status: 201, headers: { Location: `/api/v1/sources/${source.id}` } });
});
