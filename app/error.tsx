"use client";

import { useEffect } from "react";

import { Button } from "@/components/ui/button";

// Shown for unexpected server or client errors. Production builds give the
// client only a digest, never the message or stack; the digest matches the
// server log line.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">
        Nothing you saved is lost. Try again; if it keeps happening, report the reference below.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-slate-500">Reference: {error.digest}</p> : null}
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
