import { formatDate } from "@/lib/format";
import type { EarlierAttempt } from "@/lib/requirements/renewal";

/** "Earlier attempts": each closed attempt of the course with its number and dates, latest first. */
export function EarlierAttempts({ attempts, nested = false }: { attempts: EarlierAttempt[]; nested?: boolean }) {
  const list = (
    <ul className="mt-2 space-y-2 text-sm" data-testid="earlier-attempts">
      {attempts.map((a) => (
        <li key={a.number} className="rounded-md border border-slate-200 px-3 py-2">
          <span className="font-medium">Attempt {a.number}</span> · Started {formatDate(a.startedAt)} · {a.completedAt ? `Completed ${formatDate(a.completedAt)}` : "Not completed"}
        </li>
      ))}
    </ul>
  );
  return nested ? (
    <section aria-labelledby="earlier-attempts">
      <h4 id="earlier-attempts" className="font-semibold">Earlier attempts</h4>
      {list}
    </section>
  ) : (
    <section aria-labelledby="earlier-attempts" className="rounded-lg border border-slate-200 bg-white p-5">
      <h3 id="earlier-attempts" className="text-lg font-semibold">Earlier attempts</h3>
      {list}
    </section>
  );
}
