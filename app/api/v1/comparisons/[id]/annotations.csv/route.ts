import { apiRoute, readQuery } from "@/lib/http/api";
import { exportCsv } from "@/lib/interop/csv-service";
import { attachmentDisposition } from "@/lib/interop/filename";

/** The annotations as CSV; ?kind=&status=&author=&tag=&q= filter as in the side panel. */
export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const { csv, title } = await exportCsv(actor, params.id, readQuery(request));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": attachmentDisposition(title, new Date(), "-annotations.csv"),
      "Cache-Control": "private, no-store",
    },
  });
});
