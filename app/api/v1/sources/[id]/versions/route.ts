import { apiRoute, json, readBody, readQuery } from "@/lib/http/api";
import { addVersion, listVersionsPage } from "@/lib/versions/service";

import { SOURCE_BODY_MAX_BYTES } from "../../limits";

/** Versions, newest first, with hashes, dates and who added them (texts stay out of the list): `cursor`, `limit`. */
export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const { items, nextCursor } = await listVersionsPage(actor, params.id, readQuery(request));
  return json({ versions: items, nextCursor });
});

/**
 * `{text}`, `{html}`, `{markdown}`, `{file}` or `{refetch: true}`: 201 with the new version and the
 * re-anchoring summary, or 200 `{changed: false}` when the cleaned text is the same as the latest.
 */
export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const outcome = await addVersion(actor, params.id, await readBody(request, SOURCE_BODY_MAX_BYTES));
  if (!outcome.changed) return json(outcome);
  return json(outcome, { status: 201, headers: { Location: `/api/v1/sources/${params.id}/versions/${outcome.version.number}` } });
});
