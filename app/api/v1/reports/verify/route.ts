import { apiRoute, json } from "@/lib/http/api";
import { AppError } from "@/lib/errors";
import { MAX_VERIFY_BYTES, verifyReport } from "@/lib/reports/verify-service";

/**
 * POST the PDF itself as the body (Content-Type: application/pdf or
 * application/octet-stream). It is hashed as it streams in; bodies over the
 * limit are refused from their Content-Length or as soon as they pass it.
 */
export const POST = apiRoute(async ({ request, actor }) => {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/pdf" && type !== "application/octet-stream") {
    throw new AppError("bad_request", "Send the PDF file itself as the body, with Content-Type: application/pdf.", {
      errors: { file: "must be sent as application/pdf" },
    });
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_VERIFY_BYTES) {
    throw new AppError(
      "too_large",
      `The file is larger than ${Math.round(MAX_VERIFY_BYTES / 1024 / 1024)} MB: it cannot be a report signed here.`,
    );
  }
  if (!request.body) throw new AppError("bad_request", "Send the PDF file as the request body.", { errors: { file: "is empty" } });
  return json(await verifyReport(actor, request.body as unknown as AsyncIterable<Uint8Array>));
});
