/** Recovery codes as they are shown, this once, after enrolment or regeneration. */
export function RecoveryCodesList({ codes }: { codes: string[] }) {
  return (
    <ul aria-label="Recovery codes" className="mb-4 grid grid-cols-1 gap-1 font-mono text-sm sm:grid-cols-2">
      {codes.map((code) => (
        <li key={code} className="rounded bg-slate-100 px-2 py-1">
          {code}
        </li>
      ))}
    </ul>
  );
}
