export default function Loading() {
  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-8" aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading…</p>
      <div className="h-7 w-48 animate-pulse rounded bg-slate-200" />
      <div className="mt-6 space-y-3">
        {[0, 1, 2].map((row) => (
          <div key={row} className="h-24 animate-pulse rounded-xl border border-slate-200 bg-white" />
        ))}
      </div>
    </main>
  );
}
