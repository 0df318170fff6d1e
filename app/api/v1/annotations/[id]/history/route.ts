import { getAnnotationHistory } from "@/lib/history/service";
import { apiRoute, json } from "@/lib/http/api";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json(await getAnnotationHistory(actor, params.id)));
