import { apiRoute, json } from "@/lib/http/api";
import { getVersion } from "@/lib/versions/service";

/** One version with its text. */
export const GET = apiRoute<{ id: string; number: string }>(async ({ actor, params }) =>
  json(await getVersion(actor, params.id, params.number)),
);
