import { apiRoute, json, readBody } from "@/lib/http/api";
import { dismissSuggestion } from "@/lib/suggestions/service";
import { untrustedInput } from "@/lib/validation";

/** `{reason?}` (the body may be left out) → the dismissed suggestion; dismissing again changes nothing. */
export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const hasBody = Number(request.headers.get("content-length") ?? "0") > 0 || request.headers.has("content-type");
  const body = hasBody ? await readBody(request, 8 * 1024) : untrustedInput({});
  return json(await dismissSuggestion(actor, params.id, body));
});
