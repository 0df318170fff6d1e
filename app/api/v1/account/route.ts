import { updateProfile } from "@/lib/account/service";
import { apiRoute, json, readBody } from "@/lib/http/api";

/** Change your own name. */
export const PATCH = apiRoute(async ({ request, actor }) => json(await updateProfile(actor, await readBody(request))));
