import { z } from "@/lib/zod";

import { apiRoute, json, readJson } from "@/lib/http/api";
import type { CreateUserInput } from "@/lib/users/schemas";
import { createUser, listUsers } from "@/lib/users/service";

// The service validates after its permission check, so non-admins get 403 whatever they send.
const anyObject = z.looseObject({});

export const GET = apiRoute(async ({ actor }) => json({ users: await listUsers(actor) }));

export const POST = apiRoute(async ({ request, actor }) => {
  const body = await readJson(request, anyObject);
  const user = await createUser(actor, body as CreateUserInput);
  return json(user, { status: 201, headers: { Location: `/api/v1/users/${user.id}` } });
});
