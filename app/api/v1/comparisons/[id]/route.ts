import { getCompactComparison } from "@/lib/comparisons/compact-service";
import { deleteComparison, getComparison, updateComparison } from "@/lib/comparisons/service";
import { apiRoute, json, readBody } from "@/lib/http/api";

/** `?form=compact` returns the compact form (lib/comparisons/compact.ts): the same data, about a third of the size. */
export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const isCompact = new URL(request.url).searchParams.get("form") === "compact";
  return json(isCompact ? await getCompactComparison(actor, params.id) : await getComparison(actor, params.id));
});

export const PATCH = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const body = await readBody(request);
  return json(await updateComparison(actor, params.id, body));
});

/** Admins only; everything attached goes with it. */
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteComparison(actor, params.id);
  return new Response(null, { status: 204 });
});
