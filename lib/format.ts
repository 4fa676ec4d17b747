// Dates and times as people in England read them, in UK time whatever the server's zone.
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "Europe/London" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});

export function formatDate(date: Date | null | undefined): string {
  return date ? dateFormat.format(date) : "—";
}

/** A calendar date ("2026-11-30", a due date or an expiry: a day in England, not a moment) as people read it: "30 Nov 2026". */
export function formatDay(date: string | null | undefined): string {
  return date ? dateFormat.format(new Date(`${date}T12:00:00Z`)) : "—"; // noon UTC is the same day in England all year
}

/** For history and audit lines, where the order of two changes on one day matters: "3 Dec 2026, 14:05". */
export function formatDateTime(date: Date | null | undefined): string {
  return date ? dateTimeFormat.format(date) : "—";
}

/** "2 minutes", "40 seconds": how long a throttled person should wait, rounded up. */
export function waitInWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
