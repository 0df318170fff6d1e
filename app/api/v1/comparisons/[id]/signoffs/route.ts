import { apiRoute, json, readBody } from "@/lib/http/api";
import { createSignoff, listSignoffs } from "@/lib/reports/signoff-service";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json({ signoffs: await listSignoffs(actor, params.id) }));

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  // An empty body signs off without a statement.
  const body = request.headers.get("content-length") === "0" ? {} : await readBody(request, 64 * 1024);
  const signoff = await createSignoff(actor, params.id, body);
  return json(signoff, { status: 201, headers: { Location: `/api/v1/signoffs/${signoff.id}/report.pdf` } });
});
