import { updateProfile } from "@/lib/account/service";
import { apiRoute, json, readJson } from "@/lib/http/api";
import { z } from "@/lib/zod";

// The service validates; any object reaches it.
const anyObject = z.looseObject({});

/** Change your own name. */
export const PATCH = apiRoute(async ({ request, actor }) =>
  json(await updateProfile(actor, (await readJson(request, anyObject)) as { name: string })),
);
