import type { PermittedScope } from "@/lib/access";
import { formatDateTime } from "@/lib/format";
import { describeChange, listRecentChanges } from "@/lib/recent-changes";

/** Administrators only: who changed whose role, who removed or invited whom, and when (from the audit log). */
export async function RecentChanges({ manager }: { manager: PermittedScope<"colleagues.manage"> }) {
  const changes = await listRecentChanges(manager);
  return (
    <section aria-labelledby="recent-changes" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="recent-changes" className="text-xl font-semibold">Recent changes</h2>
      {changes.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No role changes, removals or invitations yet.</p>
      ) : (
        <ol className="mt-3 space-y-2" data-testid="recent-changes">
          {changes.map((change) => (
            <li key={change.id} className="text-sm">
              <span className="text-slate-900">{describeChange(change)}</span>
              <span className="text-slate-600"> · <time dateTime={change.createdAt.toISOString()}>{formatDateTime(change.createdAt)}</time></span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
