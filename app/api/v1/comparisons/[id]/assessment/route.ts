import { deleteAssessment, getAssessment, putAssessment } from "@/lib/assessments/service";
import { apiRoute, json, readBody } from "@/lib/http/api";

type Params = { id: string };

/** The comparison's assessment (404 when there is none you may see). */
export const GET = apiRoute<Params>(async ({ actor, params }) => json(await getAssessment(actor, params.id)));

/** `{judgment, likelihood, confidence, annotationIds, version?, submit?}`: creates it, or (with `version`) edits it. */
export const PUT = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await putAssessment(actor, params.id, await readBody(request, 64 * 1024))),
);

export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await deleteAssessment(actor, params.id);
  return new Response(null, { status: 204 });
});
