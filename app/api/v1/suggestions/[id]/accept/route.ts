import { apiRoute, json } from "@/lib/http/api";
import { acceptSuggestion } from "@/lib/suggestions/service";

/** No body. → 201 `{suggestion, annotation}`: the actor's new draft annotation. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const accepted = await acceptSuggestion(actor, params.id);
  return json(accepted, { status: 201, headers: { Location: `/api/v1/annotations/${accepted.annotation.id}` } });
});
