import { apiRoute, readQuery } from "@/lib/http/api";
import { contentDisposition } from "@/lib/reports/filename";
import { pdfHeaders, withReportSlot } from "@/lib/reports/http";
import { renderPdfInWorker } from "@/lib/reports/pdf-pool";
import { loadReportData } from "@/lib/reports/service";

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  withReportSlot(async (slot) => {
    const data = await loadReportData(actor, params.id, readQuery(request));
    // Drawn in a worker; the response starts once the layout is done, so layout failures are still problem+json.
    const { stream } = await renderPdfInWorker(data, {}, slot.release);
    return new Response(stream, { headers: pdfHeaders(contentDisposition(data.comparison.title, data.generatedAt, data.scope)) });
  }),
);
