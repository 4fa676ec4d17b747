const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "Europe/London" });

export function formatDate(date: Date | null | undefined): string {
  return date ? dateFormat.format(date) : "—";
}
