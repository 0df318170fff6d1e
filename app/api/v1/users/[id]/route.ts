import { z } from "@/lib/zod";

import { apiRoute, json, readJson } from "@/lib/http/api";
import type { UpdateUserInput } from "@/lib/users/schemas";
import { updateUser } from "@/lib/users/service";

// The service validates after its permission check, so non-admins get 403 whatever they send.
const anyObject = z.looseObject({});

export const PATCH = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const body = await readJson(request, anyObject);
  return json(await updateUser(actor, params.id, body as UpdateUserInput));
});
