import { listComparisonAnnotations } from "@/lib/annotations/list";
import { createAnnotation } from "@/lib/annotations/service";
import { apiRoute, json, readBody, readQuery } from "@/lib/http/api";

/** The annotations the caller may see, oldest first: `cursor`, `limit`; `{ annotations, nextCursor }`. */
export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const page = await listComparisonAnnotations(actor, params.id, readQuery(request));
  return json({ annotations: page.items, nextCursor: page.nextCursor });
});

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const body = await readBody(request);
  const annotation = await createAnnotation(actor, params.id, body);
  return json(annotation, { status: 201, headers: { Location: `/api/v1/annotations/${annotation.id}` } });
});
