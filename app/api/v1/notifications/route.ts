import { apiRoute, json, readQuery } from "@/lib/http/api";
import { listNotifications } from "@/lib/notifications/service";

export const GET = apiRoute(async ({ request, actor }) => json(await listNotifications(actor, readQuery(request))));
