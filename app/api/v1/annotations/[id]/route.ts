import { updateAnnotationSchema } from "@/lib/annotations/schemas";
import { deleteAnnotation, getAnnotation, updateAnnotation } from "@/lib/annotations/service";
import { apiRoute, json, readJson } from "@/lib/http/api";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await getAnnotation(actor, params.id)));

export const PATCH = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const body = await readJson(request, updateAnnotationSchema);
  return json(await updateAnnotation(actor, params.id, body));
});

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteAnnotation(actor, params.id);
  return new Response(null, { status: 204 });
});
