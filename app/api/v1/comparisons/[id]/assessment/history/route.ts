import { getAssessmentHistory } from "@/lib/assessments/history";
import { noAssessment } from "@/lib/assessments/records";
import { apiRoute, json } from "@/lib/http/api";

/** Reviews and audit events of the assessment, oldest first. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const history = await getAssessmentHistory(actor, params.id);
  if (!history) throw noAssessment();
  return json(history);
});
