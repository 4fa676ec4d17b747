import { formatDateTime } from "@/lib/format";
import type { TrustHistoryEntry } from "@/lib/trust";

/** Choices and removals of a Multi Academy Trust, as the school and as the trust see them. */
export function TrustHistory({ entries, heading }: { entries: TrustHistoryEntry[]; heading: string }) {
  return (
    <div className="mt-5">
      <h3 className="font-medium">{heading}</h3>
      {entries.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">No choices or removals yet.</p>
      ) : (
        <ol className="mt-2 space-y-1 text-sm text-slate-700" data-testid="trust-history">
          {entries.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>
              {": "}
              {entry.schoolName} {entry.action === "CHOSEN" ? "chose" : "removed"} {entry.trustName}
              {entry.byName ? ` (by ${entry.byName})` : ""}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
