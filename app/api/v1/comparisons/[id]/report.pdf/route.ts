import { apiRoute } from "@/lib/http/api";
import { contentDisposition } from "@/lib/reports/filename";
import { renderReportPdf, toWebStream } from "@/lib/reports/render-pdf";
import { reportQuerySchema } from "@/lib/reports/schemas";
import { loadReportData } from "@/lib/reports/service";
import { parseInput } from "@/lib/validation";

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const { scope } = parseInput(reportQuerySchema, { scope: new URL(request.url).searchParams.get("scope") ?? undefined });
  const data = await loadReportData(actor, params.id, scope);
  // Drawn in full before the response starts, so failures still become problem+json.
  const doc = renderReportPdf(data);
  return new Response(toWebStream(doc), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(data.comparison.title, data.generatedAt, scope),
      "Cache-Control": "private, no-store",
    },
  });
});
