import { submitAssessment } from "@/lib/assessments/service";
import { apiRoute, json, readBody } from "@/lib/http/api";

/** `{version}`: the author submits the assessment for review. */
export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await submitAssessment(actor, params.id, await readBody(request))),
);
