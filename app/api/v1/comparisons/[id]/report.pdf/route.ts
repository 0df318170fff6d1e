import { apiRoute, readQuery } from "@/lib/http/api";
import { contentDisposition } from "@/lib/reports/filename";
import { renderReportPdf, toWebStream } from "@/lib/reports/render-pdf";
import { loadReportData } from "@/lib/reports/service";

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const data = await loadReportData(actor, params.id, readQuery(request));
  // Drawn in full before the response starts, so failures still become problem+json.
  const doc = renderReportPdf(data);
  return new Response(toWebStream(doc), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(data.comparison.title, data.generatedAt, data.scope),
      "Cache-Control": "private, no-store",
    },
  });
});
