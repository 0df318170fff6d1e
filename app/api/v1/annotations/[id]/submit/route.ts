import { versionSchema } from "@/lib/annotations/schemas";
import { submitAnnotation } from "@/lib/annotations/service";
import { apiRoute, json, readJson } from "@/lib/http/api";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const body = await readJson(request, versionSchema);
  return json(await submitAnnotation(actor, params.id, body));
});
