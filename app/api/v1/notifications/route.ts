import { apiRoute, json } from "@/lib/http/api";
import { listNotifications } from "@/lib/notifications/service";

export const GET = apiRoute(async ({ actor }) => json(await listNotifications(actor)));
