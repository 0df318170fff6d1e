import { apiRoute, json } from "@/lib/http/api";
import { getSourceCheck } from "@/lib/versions/check-service";

/** Admins: a run's progress and, per source, what changed. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await getSourceCheck(actor, params.id)));
