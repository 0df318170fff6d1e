import { Readable } from "node:stream";

import { openWorkspaceArchive } from "@/lib/archive/service";
import { apiRoute } from "@/lib/http/api";

/** Admins: the whole workspace as a versioned, checksummed archive (restore with npm run archive:import). */
export const GET = apiRoute(async ({ actor }) => {
  const stream = await openWorkspaceArchive(actor);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/gzip",
      "Content-Disposition": `attachment; filename="parallax-archive-${day}.jsonl.gz"`,
      "Cache-Control": "private, no-store",
    },
  });
});
