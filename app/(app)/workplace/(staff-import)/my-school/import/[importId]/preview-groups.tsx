import type { ReactNode } from "react";
import { formatDay } from "@/lib/format";
import { roleLabels } from "@/lib/labels";
import { takesEffect, type BadRow, type ImportPlan, type Joiner } from "@/lib/staff-import";
import styles from "./preview-groups.module.css";

// The preview's groups as plain server-rendered lists: a list may hold 5,000 people, so no client component
// per row, and a group longer than FOLD is folded into a <details> (open it to read them all).
const FOLD = 50;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** People the import would take out of the organisation: leavers it does not have to keep (you, the last Administrator). */
export function removableLeavers(plan: ImportPlan): number {
  return plan.leavers.filter((leaver) => !leaver.keptBecause).length;
}

/** "12 to add, 2 changes, 3 no longer on the list, 40 unchanged", and the rest only when there are any. */
export function countsLine(plan: ImportPlan): string {
  return [
    `${plan.joiners.length.toLocaleString("en-GB")} to add`,
    plural(plan.changes.filter(takesEffect).length, "change", "changes"),
    `${plan.leavers.length.toLocaleString("en-GB")} no longer on the list`,
    `${plan.unchanged.toLocaleString("en-GB")} unchanged`,
    ...(plan.alreadyInvited ? [`${plan.alreadyInvited.toLocaleString("en-GB")} already invited`] : []),
    ...(plan.problems.length ? [plural(plan.problems.length, "row with problems", "rows with problems")] : []),
  ].join(", ");
}

function Group({ id, title, intro, count, children }: { id: string; title: string; intro: ReactNode; count: number; children: ReactNode }) {
  const list = (
    <ul className={styles.list} data-testid={`${id}-list`}>
      {children}
    </ul>
  );
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5" data-testid={id}>
      <h3 id={id} className="text-lg font-semibold">{title}</h3>
      <p className="mt-1 text-sm text-slate-700">{intro}</p>
      {count > FOLD ? (
        <details className="mt-2">
          <summary className="inline-flex min-h-6 cursor-pointer items-center font-medium text-brand-700 underline underline-offset-4">
            Show all {count.toLocaleString("en-GB")}
          </summary>
          {list}
        </details>
      ) : (
        list
      )}
    </section>
  );
}

/** One person: the name (when there is one to show), the address, then a line per detail. */
function Person({ name, email, children }: { name: string | null; email: string; children?: ReactNode }) {
  return (
    <li>
      {name ? <b>{name} </b> : null}
      <i>{email}</i>
      {children}
    </li>
  );
}

function joinerDetails(joiner: Joiner) {
  return (
    <span>
      {roleLabels[joiner.role]}
      {joiner.startDate ? `, starts ${formatDay(joiner.startDate)}` : ""}
      {joiner.roleNote ? ` (the list says Administrator: ${joiner.roleNote})` : ""}
    </span>
  );
}

export function PreviewGroups({ plan }: { plan: ImportPlan }) {
  const added = plan.joiners;
  return (
    <div className="space-y-6">
      {added.length ? (
        <Group
          id="will-be-added"
          title="Will be added"
          count={added.length}
          intro="New to Schoot: they join now as colleagues, and each is emailed how to sign in for the first time. Anyone who already has a Schoot account is sent an invitation instead, and joins (as a Member) when they accept it."
        >
          {added.map((joiner) => (
            <Person key={joiner.line} name={joiner.name} email={joiner.email}>{joinerDetails(joiner)}</Person>
          ))}
        </Group>
      ) : null}
      {plan.changes.length ? (
        <Group id="changes" title="Changes" count={plan.changes.length} intro="Colleagues whose name or role on the list differs from My colleagues.">
          {plan.changes.map((change) => (
            <Person key={change.membershipId} name={change.name?.from ?? null} email={change.email}>
              {change.name ? <span>Name: {change.name.from} → {change.name.to}</span> : null}
              {change.nameKeptBecause ? <span>Name stays: {change.nameKeptBecause}</span> : null}
              {change.role ? <span>Role: {roleLabels[change.role.from]} → {roleLabels[change.role.to]}</span> : null}
              {change.roleKeptBecause ? <span>Role stays: the list says Administrator, but they have not signed in yet: make them one in My colleagues once they have</span> : null}
            </Person>
          ))}
        </Group>
      ) : null}
      {plan.leavers.length ? (
        <Group id="no-longer-on-the-list" title="No longer on the list" count={plan.leavers.length} intro="In My colleagues but not on the list. They stay unless you tick to remove them below.">
          {plan.leavers.map((leaver) => (
            <Person key={leaver.membershipId} name={leaver.name} email={leaver.email}>
              <span>
                {roleLabels[leaver.role]}
                {leaver.keptBecause ? `, stays: ${leaver.keptBecause}` : ""}
              </span>
            </Person>
          ))}
        </Group>
      ) : null}
      {plan.problems.length ? <ProblemRows problems={plan.problems} /> : null}
    </div>
  );
}

/** The rows that cannot be imported, by their line in the file (line 0: the file as a whole). */
export function ProblemRows({ problems }: { problems: BadRow[] }) {
  const table = (
    <div className="mt-3 overflow-x-auto">
      <table className={styles.problems} data-testid="problem-rows">
        <thead>
          <tr>
            <th scope="col" className={styles.line}>Line</th>
            <th scope="col">Email</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            <tr key={`${problem.line}-${index}`} data-testid="problem-row">
              <td className={styles.line}>{problem.line === 0 ? "The file" : problem.line}</td>
              <td className={styles.email}>{problem.email || "—"}</td>
              <td>{problem.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section aria-labelledby="rows-with-problems" className="rounded-lg border border-red-200 bg-white p-5" data-testid="rows-with-problems">
      <h3 id="rows-with-problems" className="text-lg font-semibold">Rows with problems</h3>
      <p className="mt-1 text-sm text-slate-700">These rows cannot be imported as they are. The line numbers are the file&apos;s own, counting the heading row as line 1.</p>
      {problems.length > FOLD ? (
        <details className="mt-2">
          <summary className="inline-flex min-h-6 cursor-pointer items-center font-medium text-brand-700 underline underline-offset-4">
            Show all {problems.length.toLocaleString("en-GB")}
          </summary>
          {table}
        </details>
      ) : (
        table
      )}
    </section>
  );
}
