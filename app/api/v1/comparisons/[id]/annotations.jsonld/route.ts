import { apiRoute, readQuery } from "@/lib/http/api";
import { exportW3c } from "@/lib/interop/export-service";
import { attachmentDisposition } from "@/lib/interop/filename";
import { publicBaseUrl } from "@/lib/interop/public-url";
import { ANNO_MEDIA_TYPE } from "@/lib/interop/w3c/vocabulary";

/** W3C Web Annotation export: the collection with its first page, or ?page=n. */
export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const { document, title } = await exportW3c(actor, params.id, readQuery(request), { baseUrl: publicBaseUrl(request) });
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      "Content-Type": ANNO_MEDIA_TYPE,
      "Content-Disposition": attachmentDisposition(title, new Date(), "-annotations.jsonld"),
      "Cache-Control": "private, no-store",
    },
  });
});
