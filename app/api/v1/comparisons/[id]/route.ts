import { getComparison } from "@/lib/comparisons/service";
import { apiRoute, json } from "@/lib/http/api";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await getComparison(actor, params.id)));
