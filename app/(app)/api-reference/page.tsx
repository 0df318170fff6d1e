import type { Metadata } from "next";

import { ApiReference } from "@/components/interop/api-reference";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "API reference" };

export default async function ApiReferencePage() {
  await requirePageUser();
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">API reference</h1>
      <p className="mt-1 mb-4 text-sm text-slate-600">
        Every <code>/api/v1</code> operation, generated from the same schemas the server validates with. Scripts authenticate with a
        personal access token (<code>Authorization: Bearer …</code>) from Settings. The raw document:{" "}
        <a className="underline" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>
        .
      </p>
      <ApiReference specUrl="/api/v1/openapi.json" />
    </main>
  );
}
