import Link from "next/link";
import { schoolColumns } from "@/lib/progress/columns";
import { countActiveFilters, pageSizes, requiredFilterSlug, requiredFilters, type ProgressQuery } from "@/lib/progress/query";
import { enrolmentStatuses, statusSlug } from "@/lib/progress/status";
import { requiredStatusLabel } from "@/lib/requirements/status";

type Props = { query: ProgressQuery; courses: { id: string; title: string }[]; basePath: string; clearHref: string };

/** The Required training filter's options, in the words of the product. */
const requiredOptions: [string, string][] = requiredFilters.map((filter) => [requiredFilterSlug(filter), filter === "required" ? "Required" : requiredStatusLabel(filter)]);

const control = "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900";

function Select({ label, name, value, options }: { label: string; name: string; value: string; options: [string, string][] }) {
  return (
    <div className="space-y-1">
      <label htmlFor={`filter-${name}`} className="block text-sm font-medium text-slate-800">{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value} className={control}>
        {options.map(([optionValue, text]) => <option key={optionValue} value={optionValue}>{text}</option>)}
      </select>
    </div>
  );
}

/**
 * Filters and sort as a GET form: the view lives in the URL. On a phone the panel folds away behind its
 * summary; from md up its content is always shown (::details-content), closed or not.
 */
export function ProgressFilters({ query, courses, basePath, clearHref }: Props) {
  const active = countActiveFilters(query);
  return (
    <details className="group rounded-lg border border-slate-200 bg-white md:details-content:[content-visibility:visible]">
      <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3 font-medium md:cursor-default [&::-webkit-details-marker]:hidden">
        <span>
          Filters{active ? ` (${active} active)` : ""}
        </span>
        <span aria-hidden="true" className="text-slate-600 group-open:rotate-180 md:hidden">▾</span>
      </summary>
      <form method="get" action={basePath} className="grid gap-4 border-t border-slate-200 px-4 py-4 sm:grid-cols-2 lg:grid-cols-3">
        {query.from ? <input type="hidden" name="from" value={query.from} /> : null}
        <Select label="Course" name="course" value={query.course ?? ""} options={[["", "All courses"], ...courses.map((c): [string, string] => [c.id, c.title])]} />
        <Select
          label="Status"
          name="status"
          value={query.status ? statusSlug(query.status) : ""}
          options={[["", "Any status"], ...enrolmentStatuses.map((s): [string, string] => [s.slug, s.label])]}
        />
        <Select
          label="Required training"
          name="required"
          value={query.required ? requiredFilterSlug(query.required) : ""}
          options={[["", "All courses"], ...requiredOptions]}
        />
        <div className="space-y-1">
          <label htmlFor="filter-q" className="block text-sm font-medium text-slate-800">Name or email</label>
          <input id="filter-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} autoComplete="off" className={control} />
        </div>
        <Select label="Sort by" name="sort" value={query.sort} options={schoolColumns.map((c): [string, string] => [c.key, c.label])} />
        <Select label="Order" name="dir" value={query.dir} options={[["asc", "Ascending (A to Z, lowest, oldest)"], ["desc", "Descending (Z to A, highest, newest)"]]} />
        <Select label="Rows per page" name="size" value={String(query.size)} options={pageSizes.map((n): [string, string] => [String(n), String(n)])} />
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-3">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">Apply filters</button>
          <Link href={clearHref} className="font-medium text-brand-700 underline underline-offset-4">Clear filters</Link>
        </div>
      </form>
    </details>
  );
}
