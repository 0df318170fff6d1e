import { apiRoute, json, readQuery } from "@/lib/http/api";
import { listReturnedToMe } from "@/lib/reviews/service";

/** The caller's annotations sent back or rejected, newest decision first: `cursor`, `limit`. */
export const GET = apiRoute(async ({ request, actor }) => json(await listReturnedToMe(actor, readQuery(request))));
