import { apiRoute, json } from "@/lib/http/api";
import { diffVersions } from "@/lib/versions/service";

/** Word-level diff from version `number` to version `other`: paragraphs equal, inserted, deleted, changed (word parts) or moved. */
export const GET = apiRoute<{ id: string; number: string; other: string }>(async ({ actor, params }) =>
  json(await diffVersions(actor, params.id, params.number, params.other)),
);
