import { apiRoute, json, readBody } from "@/lib/http/api";
import { updateUser } from "@/lib/users/service";

/** Admins only; the service checks the permission before it looks at the body. */
export const PATCH = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await updateUser(actor, params.id, await readBody(request))),
);
