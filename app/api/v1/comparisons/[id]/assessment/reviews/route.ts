import { reviewAssessment } from "@/lib/assessments/service";
import { apiRoute, json, readBody } from "@/lib/http/api";

/** `{decision: approve|request_changes|reject, comment?, version}` (four-eyes: never your own). */
export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await reviewAssessment(actor, params.id, await readBody(request)), { status: 201 }),
);
