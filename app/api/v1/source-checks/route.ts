import { apiRoute, json } from "@/lib/http/api";
import { listSourceChecks, startSourceCheck } from "@/lib/versions/check-service";

/** Admins: the last ten "Check all sources" runs. */
export const GET = apiRoute(async ({ actor }) => json({ runs: await listSourceChecks(actor) }));

/** Admins: start re-fetching every source with a URL (202; poll the run for progress; 409 while one runs). */
export const POST = apiRoute(async ({ actor }) => {
  const run = await startSourceCheck(actor);
  return json(run, { status: 202, headers: { Location: `/api/v1/source-checks/${run.id}` } });
});
