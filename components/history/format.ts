/** Dates in one unambiguous form on every page (server and client agree: fixed zone). */
export function formatDate(iso: string | null): string {
  if (!iso) return "—";
  return `${new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
}
