import { createAnnotationSchema } from "@/lib/annotations/schemas";
import { createAnnotation } from "@/lib/annotations/service";
import { apiRoute, json, readJson } from "@/lib/http/api";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const body = await readJson(request, createAnnotationSchema);
  const annotation = await createAnnotation(actor, params.id, body);
  return json(annotation, { status: 201, headers: { Location: `/api/v1/annotations/${annotation.id}` } });
});
