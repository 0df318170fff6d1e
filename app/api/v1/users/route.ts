import { apiRoute, json, readBody, readQuery } from "@/lib/http/api";
import { createUser, listUsers } from "@/lib/users/service";

export const GET = apiRoute(async ({ request, actor }) => {
  const page = await listUsers(actor, readQuery(request));
  return json({ users: page.items, nextCursor: page.nextCursor });
});

/** Admins only; the service checks the permission before it looks at the body. */
export const POST = apiRoute(async ({ request, actor }) => {
  const user = await createUser(actor, await readBody(request));
  return json(user, { status: 201, headers: { Location: `/api/v1/users/${user.id}` } });
});
