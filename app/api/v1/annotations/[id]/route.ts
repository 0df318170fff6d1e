import { deleteAnnotation, getAnnotation, updateAnnotation } from "@/lib/annotations/service";
import { apiRoute, json, readBody } from "@/lib/http/api";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await getAnnotation(actor, params.id)));

/** `{version, …changes, submit?}`: with `submit: true` the edit is submitted in the same transaction. */
export const PATCH = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await updateAnnotation(actor, params.id, await readBody(request))),
);

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteAnnotation(actor, params.id);
  return new Response(null, { status: 204 });
});
