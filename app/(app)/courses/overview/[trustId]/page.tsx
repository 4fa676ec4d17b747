import type { Metadata } from "next";
import Link from "next/link";
import { ProgressBar } from "@/components/progress-bar";
import { listProgressScopes, requireTrustOverview } from "@/lib/access";
import { requireViewer } from "@/lib/auth";
import { courseBySchoolMatrix, HEADLINE_STATUS, overviewColumns, overviewPage, overviewViewOf, statusFigures, summariseTrustOverview, worstFirst, type OverviewSort, type SchoolSummary } from "@/lib/progress/overview";
import { trustOverviewValue } from "@/lib/progress/selector";
import { perStatus, statusLabel } from "@/lib/progress/status";
import { ProgressSelector } from "../../_components/progress-selector";
import { CourseMatrixView } from "./course-matrix";
import { OverviewPagination } from "./overview-pagination";
import { RequiredTrainingView } from "./required-training";

export const metadata: Metadata = { title: "Trust overview" };

const number = new Intl.NumberFormat("en-GB");
const headline = statusLabel(HEADLINE_STATUS).toLowerCase();

const [nameColumn, ...detailColumns] = overviewColumns; // the school's name leads each row and card, as a link

type Params = { trustId: string };
type Search = Record<string, string | string[] | undefined>;

export default async function TrustOverviewPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const viewer = await requireViewer();
  const { trustId } = await params;
  // Not led by the viewer, not Academies, no school granted, or unknown: all alike, the not-found page.
  const overview = await requireTrustOverview(viewer.id, trustId);

  const { sort, dir, page: asked } = overviewViewOf(await searchParams);
  const [{ schools, compliance }, matrix, scopes] = await Promise.all([summariseTrustOverview(overview, sort, dir), courseBySchoolMatrix(overview), listProgressScopes(viewer.id)]);
  const totals = statusFigures(perStatus((status) => schools.reduce((sum, s) => sum + s.counts[status], 0)));
  const staff = schools.reduce((sum, s) => sum + s.staff, 0);
  // One page of schools in the table, the cards and the matrix; the totals above are the whole trust's.
  const { shown, page, pages, first, last } = overviewPage(schools, asked);
  const sortHref = (column: OverviewSort) =>
    `?sort=${column}&dir=${column === sort && dir === "asc" ? "desc" : "asc"}`;

  return (
    <div className="space-y-6">
      <ProgressSelector scopes={scopes} selected={trustOverviewValue(overview.trustId)} />
      <div>
        <h2 className="text-xl font-semibold">All schools in {overview.trustName}</h2>
        <p className="mt-1 text-slate-700">
          {schools.length} {schools.length === 1 ? "school" : "schools"} · {number.format(staff)} staff · {number.format(totals.enrolments)} enrolments ·{" "}
          {totals.percent[HEADLINE_STATUS]}% {headline}
        </p>
      </div>

      <section aria-labelledby="schools-heading">
        <h3 id="schools-heading" className="text-lg font-semibold">Schools</h3>
        {pages > 1 ? <p className="text-sm text-slate-700">Schools {first}–{last} of {schools.length}. The course matrix below shows the same schools.</p> : null}
        <form method="get" className="mt-2 flex flex-wrap items-end gap-2 md:hidden">
          <label className="text-sm font-medium" htmlFor="sort">Sort by</label>
          <select id="sort" name="sort" defaultValue={sort} className="rounded-md border border-slate-400 bg-white px-2 py-1.5">
            {overviewColumns.map((c) => <option key={c.sort} value={c.sort}>{c.label}</option>)}
          </select>
          <select name="dir" defaultValue={dir} aria-label="Order" className="rounded-md border border-slate-400 bg-white px-2 py-1.5">
            <option value="asc">Ascending</option>
            <option value="desc">Descending</option>
          </select>
          <button type="submit" className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium">Sort</button>
        </form>

        <table className="mt-3 hidden w-full border-collapse overflow-hidden rounded-lg bg-white text-sm md:table" data-testid="overview-table">
          <thead>
            <tr className="border-b border-slate-200 text-left">
              {overviewColumns.map((c) => (
                <th key={c.sort} scope="col" className="px-3 py-2 font-semibold" aria-sort={c.sort === sort ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                  <Link href={sortHref(c.sort)} className="underline-offset-4 hover:underline">
                    {c.label}{c.sort === sort ? (dir === "asc" ? " ▲" : " ▼") : ""}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.schoolId} className="border-b border-slate-100">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/courses/progress/${s.schoolId}`} className="text-brand-800 underline underline-offset-4">{nameColumn.screen(s)}</Link>
                </th>
                {detailColumns.map((c) => (
                  <td key={c.sort} className="px-3 py-2 tabular-nums">
                    {c.status === HEADLINE_STATUS ? <HeadlineFigure school={s} text={c.screen(s)} /> : c.screen(s)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>

        <ul className="mt-3 space-y-3 md:hidden" data-testid="overview-cards">
          {shown.map((s) => (
            <li key={s.schoolId} className="rounded-lg border border-slate-200 bg-white p-4">
              <Link href={`/courses/progress/${s.schoolId}`} className="font-semibold text-brand-800 underline underline-offset-4">{nameColumn.screen(s)}</Link>
              <div className="mt-2 flex items-center gap-3">
                <ProgressBar percent={s.percent[HEADLINE_STATUS]} label={`${s.schoolName} ${headline}`} />
                <span className="text-sm font-medium whitespace-nowrap tabular-nums">{s.percent[HEADLINE_STATUS]}%</span>
              </div>
              <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
                {detailColumns.map((c) => [
                  <dt key={`${c.sort}-label`} className="text-slate-600">{c.label}</dt>,
                  <dd key={c.sort} className="tabular-nums">{c.screen(s)}</dd>,
                ])}
              </dl>
            </li>
          ))}
        </ul>
        <OverviewPagination page={page} pages={pages} href={(n) => `?${new URLSearchParams({ ...(sort === "name" && dir === "asc" ? {} : { sort, dir }), ...(n > 1 ? { page: String(n) } : {}) })}`} />
      </section>

      <section aria-labelledby="exports-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 id="exports-heading" className="text-lg font-semibold">Exports</h3>
        <ul className="mt-2 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="overview-exports">
          {[
            { id: "summary", title: "Per-school summary", context: "the per-school summary", text: "One row per school: the figures in the Schools table.", href: `/courses/overview/${overview.trustId}/export` },
            {
              id: "enrolments",
              title: "Every enrolment",
              context: "every enrolment",
              text: "One row per enrolment at every school: school, person, email, course, status, progress and dates.",
              href: `/courses/overview/${overview.trustId}/enrolments-export${sort === "name" && dir === "asc" ? "" : `?sort=${sort}&dir=${dir}`}`,
            },
            {
              id: "evidence-pack",
              title: "Evidence pack",
              context: "",
              label: "Evidence pack (PDF)",
              text: "For governors and inspectors: every school's required training, worst first, then each school's staff, requirement history and who can see it.",
              href: `/courses/overview/${overview.trustId}/evidence-pack`,
            },
          ].map((item) => (
            <li key={item.id} className="flex flex-col gap-2" data-testid={`export-${item.id}`}>
              <h4 className="font-medium">{item.title}</h4>
              <p id={`export-${item.id}-text`} className="flex-1 text-sm text-slate-700">{item.text}</p>
              <p>
                <a
                  href={item.href}
                  download
                  aria-describedby={`export-${item.id}-text`}
                  className="inline-flex min-h-11 items-center rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
                >
                  {"label" in item ? item.label : <>Export as CSV<span className="sr-only"> of {item.context}</span></>}
                </a>
              </p>
            </li>
          ))}
        </ul>
      </section>

      <RequiredTrainingView trustId={overview.trustId} compliance={compliance} ranked={worstFirst(schools, overview)} shown={shown.map((s) => ({ schoolId: s.schoolId, schoolName: s.schoolName }))} />

      <CourseMatrixView trustId={overview.trustId} matrix={matrix} schools={shown.map((s) => ({ schoolId: s.schoolId, schoolName: s.schoolName }))} />
    </div>
  );
}

/** The headline status's share and count in a school's row, with its bar. */
function HeadlineFigure({ school, text }: { school: SchoolSummary; text: string }) {
  return (
    <div className="flex items-center gap-2">
      <span className="w-24 shrink-0 whitespace-nowrap">{text}</span>
      <div className="min-w-16 flex-1"><ProgressBar percent={school.percent[HEADLINE_STATUS]} label={`${school.schoolName} ${headline}`} /></div>
    </div>
  );
}
