import { apiRoute, json, readBody } from "@/lib/http/api";
import { busyResponse } from "@/lib/reports/http";
import { createSignoff, listSignoffs } from "@/lib/reports/signoff-service";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => json({ signoffs: await listSignoffs(actor, params.id) }));

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  // An empty body signs off without a statement.
  const body = request.headers.get("content-length") === "0" ? {} : await readBody(request, 64 * 1024);
  let signoff;
  try {
    signoff = await createSignoff(actor, params.id, body);
  } catch (error) {
    // A full report queue answers 503 with Retry-After; everything else is apiRoute's.
    return busyResponse(error);
  }
  return json(signoff, { status: 201, headers: { Location: `/api/v1/signoffs/${signoff.id}/report.pdf` } });
});
