import { apiRoute } from "@/lib/http/api";
import { contentDisposition } from "@/lib/reports/filename";
import { docxHeaders, withReportSlot } from "@/lib/reports/http";
import { renderDocxInWorker } from "@/lib/reports/pdf-pool";
import { getSignoffContent } from "@/lib/reports/signoff-service";
import { signedReportData } from "@/lib/reports/signed-data";

/** The signed report as a Word document, built from the content frozen at sign-off. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  withReportSlot(async (slot) => {
    try {
      const { view, contentJson } = await getSignoffContent(actor, params.id);
      const bytes = await renderDocxInWorker(signedReportData(view, contentJson));
      return new Response(new Uint8Array(bytes), {
        headers: docxHeaders(contentDisposition(`${view.comparisonTitle} signed`, new Date(view.signedAt), "approved", "docx")),
      });
    } finally {
      slot.release();
    }
  }),
);
