import { formatDateTime } from "@/lib/format";
import type { RequirementChange } from "@/lib/requirements/manage";

/** Who required, changed or stopped requiring which course, and when: the audit rows, newest first. */
/** `organisationName`: the page's own organisation; a change by another (a school's trust) says whose it was. */
export function RequirementHistory({ entries, organisationName }: { entries: RequirementChange[]; organisationName: string }) {
  return (
    <section aria-labelledby="requirement-history" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="requirement-history" className="text-xl font-semibold">History</h2>
      {entries.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No course has been required, changed or removed yet.</p>
      ) : (
        <ol className="mt-3 space-y-2" data-testid="requirement-history">
          {entries.map((entry) => (
            <li key={entry.id} className="text-sm break-words">
              <span className="text-slate-900">{entry.sentence}</span>
              <span className="text-slate-600">{entry.organisationName !== organisationName ? ` (${entry.organisationName})` : ""} · <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time></span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
