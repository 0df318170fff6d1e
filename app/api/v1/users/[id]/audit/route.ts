import { apiRoute, json, readQuery } from "@/lib/http/api";
import { listUserAudit } from "@/lib/users/detail";

/** Admins: a person's audit trail, a page at a time (?cursor= the last entry's id). */
export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await listUserAudit(actor, params.id, readQuery(request))),
);
