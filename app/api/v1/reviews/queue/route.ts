import { apiRoute, json, readQuery } from "@/lib/http/api";
import { listReviewQueue } from "@/lib/reviews/service";

/** Annotations by others waiting for a decision, oldest submission first: `comparisonId`, `kind`, `cursor`, `limit`. */
export const GET = apiRoute(async ({ request, actor }) => {
  const query = readQuery(request);
  return json(await listReviewQueue(actor, query, query));
});
