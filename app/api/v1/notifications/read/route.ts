import { apiRoute, json, readBody } from "@/lib/http/api";
import { markNotificationsRead } from "@/lib/notifications/service";

/** `{ids: [...]}` or `{all: true}`: marks the caller's own notifications read. */
export const POST = apiRoute(async ({ request, actor }) => json(await markNotificationsRead(actor, await readBody(request))));
