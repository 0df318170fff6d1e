import { deleteComparison, getComparison, updateComparison } from "@/lib/comparisons/service";
import { apiRoute, json, readBody } from "@/lib/http/api";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await getComparison(actor, params.id)));

export const PATCH = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const body = await readBody(request);
  return json(await updateComparison(actor, params.id, body));
});

/** Admins only; everything attached goes with it. */
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteComparison(actor, params.id);
  return new Response(null, { status: 204 });
});
