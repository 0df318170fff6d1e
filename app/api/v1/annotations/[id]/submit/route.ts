import { submitAnnotation } from "@/lib/annotations/service";
import { apiRoute, json, readBody } from "@/lib/http/api";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await submitAnnotation(actor, params.id, await readBody(request))),
);
