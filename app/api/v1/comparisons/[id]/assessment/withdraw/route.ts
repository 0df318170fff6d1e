import { withdrawAssessment } from "@/lib/assessments/service";
import { apiRoute, json, readBody } from "@/lib/http/api";

/** `{version}`: back from review to draft, while nobody has decided on it. */
export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await withdrawAssessment(actor, params.id, await readBody(request))),
);
