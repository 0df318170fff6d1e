import { apiRoute, json, readJson } from "@/lib/http/api";
import { reviewInputSchema } from "@/lib/reviews/schemas";
import { reviewAnnotation } from "@/lib/reviews/service";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const body = await readJson(request, reviewInputSchema);
  const result = await reviewAnnotation(actor, params.id, body);
  return json(result, { status: 201 });
});
