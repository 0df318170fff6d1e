// Dates as the versions UI shows them: "2 Dec 2026, 14:05" (UTC, so server and browser agree).
const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

export function formatVersionDate(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

export function versionName(number: number): string {
  return `version ${number}`;
}
