import { apiRoute, json } from "@/lib/http/api";
import { getNavCounts } from "@/lib/reviews/service";

/** `{toReview?, returned}`: the nav badges, refetched when the live stream says something changed. */
export const GET = apiRoute(async ({ actor }) => json(await getNavCounts(actor)));
