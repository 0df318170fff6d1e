import { apiRoute, readQuery } from "@/lib/http/api";
import { contentDisposition } from "@/lib/reports/filename";
import { docxHeaders, withReportSlot } from "@/lib/reports/http";
import { renderDocxInWorker } from "@/lib/reports/pdf-pool";
import { loadReportData } from "@/lib/reports/service";

/** The report as an editable Word document (same data and scopes as the PDF). */
export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  withReportSlot(async (slot) => {
    try {
      const data = await loadReportData(actor, params.id, readQuery(request));
      const bytes = await renderDocxInWorker(data);
      return new Response(new Uint8Array(bytes), {
        headers: docxHeaders(contentDisposition(data.comparison.title, data.generatedAt, data.scope, "docx")),
      });
    } finally {
      slot.release();
    }
  }),
);
