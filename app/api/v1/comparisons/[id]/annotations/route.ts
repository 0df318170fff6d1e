import { createAnnotation } from "@/lib/annotations/service";
import { apiRoute, json, readBody } from "@/lib/http/api";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const body = await readBody(request);
  const annotation = await createAnnotation(actor, params.id, body);
  return json(annotation, { status: 201, headers: { Location: `/api/v1/annotations/${annotation.id}` } });
});
