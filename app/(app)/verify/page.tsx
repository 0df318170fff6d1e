import type { Metadata } from "next";

import { VerifyDrop } from "@/components/reports/verify-drop";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Verify a report" };

export default async function VerifyPage() {
  await requirePageUser();
  return (
    <main className="mx-auto max-w-2xl space-y-4 px-4 py-6">
      <h1 className="text-xl font-semibold tracking-tight">Verify a report</h1>
      <p className="text-sm text-slate-700">
        Check that a PDF is exactly a report signed off in Parallax: who signed it off, when, and whether the comparison changed since. Any
        change to the file, even one byte, fails the check.
      </p>
      <VerifyDrop />
    </main>
  );
}
