import { apiRoute } from "@/lib/http/api";
import { contentDisposition } from "@/lib/reports/filename";
import { pdfHeaders } from "@/lib/reports/http";
import { getSignoffPdf } from "@/lib/reports/signoff-service";

/** The signed PDF exactly as stored: byte for byte what was signed off. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const { view, bytes } = await getSignoffPdf(actor, params.id);
  const disposition = contentDisposition(`${view.comparisonTitle} signed`, new Date(view.signedAt), "approved");
  return new Response(new Uint8Array(bytes), { headers: { ...pdfHeaders(disposition), ETag: `"${view.sha256}"` } });
});
