import { apiRoute, json, readBody } from "@/lib/http/api";
import { reviewAnnotation } from "@/lib/reviews/service";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const body = await readBody(request);
  const result = await reviewAnnotation(actor, params.id, body);
  return json(result, { status: 201 });
});
