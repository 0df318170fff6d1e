import { apiRoute, json, readBody, readQuery } from "@/lib/http/api";
import { importAnnotations } from "@/lib/interop/import-service";
import { IMPORT_MAX_BYTES } from "@/lib/interop/import/limits";

/** Import a W3C Web Annotation or Hypothesis file (the body); ?dryRun=true only reports. */
export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const document = await readBody(request, IMPORT_MAX_BYTES);
  const report = await importAnnotations(actor, params.id, document, readQuery(request));
  return json(report, { status: !report.dryRun && report.summary.imported > 0 ? 201 : 200 });
});
