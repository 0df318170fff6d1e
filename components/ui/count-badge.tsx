/** A count next to a nav link, read out with its meaning ("2 to review"); nothing when zero. */
export function CountBadge({ count, label, testId }: { count: number | undefined; label: string; testId?: string }) {
  if (!count) return null;
  return (
    <span className="ml-1.5 rounded-full bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
      <span data-testid={testId}>{count}</span>
      {/* Screen-reader text rather than an aria-label: a span without a role does not announce its label. */}
      <span className="sr-only"> {label}</span>
    </span>
  );
}
