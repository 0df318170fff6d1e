import { startTwoFactorSetup } from "@/lib/auth/two-factor";
import { apiRoute, json } from "@/lib/http/api";

/** Start (or restart) two-factor enrolment: a new pending secret and its QR code. */
export const POST = apiRoute(async ({ actor }) => json(await startTwoFactorSetup(actor)));
