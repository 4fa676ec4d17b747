import type { Metadata } from "next";
import Link from "next/link";
import { findSchoolProgressScope, findTrustOverview, listProgressScopes, requireSchoolProgressScope } from "@/lib/access";
import { requireViewer } from "@/lib/auth";
import { listCourseOptions, listSchoolProgress, summariseSchoolProgress } from "@/lib/progress/school";
import { countActiveFilters, pageRange, parseProgressQuery, progressSearch, type RequiredFilter } from "@/lib/progress/query";
import { summariseSchoolCompliance } from "@/lib/requirements/school-compliance";
import { londonToday } from "@/lib/requirements/status";
import { ProgressSelector } from "../../_components/progress-selector";
import { Pagination } from "./pagination";
import { ProgressFilters } from "./progress-filters";
import { ProgressRows } from "./progress-rows";
import { RequiredTraining } from "./required-training";
import { SummaryFigures } from "./summary-figures";

type Props = {
  params: Promise<{ schoolId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await requireViewer();
  const school = await findSchoolProgressScope(viewer.id, (await params).schoolId);
  return { title: school ? `${school.schoolName} course progress` : "Page not found" };
}

/*
 * Statements per render, whatever the page size: the viewer, the viewer's scopes (the selector, the
 * access decision for this school, in the layout, the metadata and here, and for the overview it came
 * from: all lib/access.ts's one query, cached for the request), the rows, the summary (with the page's
 * position), the required-training compliance (lib/requirements/school-compliance.ts: its figures and the
 * first overdue people), the course list (which also names the course the view is filtered to) and the
 * shown rows' completed attempts (their certificate links, lib/certificates/links.ts): six in all. The
 * rows, the summary, the compliance and the certificate links take the school's scope, so they cannot be
 * asked for a school the viewer was not granted. Required-training standings are worked out on today's
 * date in England, read once per request.
 */
export default async function SchoolProgressPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const { schoolId } = await params;
  const school = await requireSchoolProgressScope(viewer.id, schoolId); // not yours reads as does not exist

  const today = londonToday();
  const parsed = parseProgressQuery(await searchParams, today);
  // A way back only to an overview the viewer may open, and that this school contributes to.
  const overview = parsed.from ? await findTrustOverview(viewer.id, parsed.from) : null;
  const cameFrom = overview?.schools.some((s) => s.schoolId === schoolId) ? overview : null;
  const query = { ...parsed, from: cameFrom?.trustId };

  const [scopes, page, summary, compliance, courses] = await Promise.all([
    listProgressScopes(viewer.id),
    listSchoolProgress(school, query),
    summariseSchoolProgress(school, query),
    summariseSchoolCompliance(school, today),
    listCourseOptions(),
  ]);
  const basePath = `/courses/progress/${schoolId}`;
  const clearHref = `${basePath}${progressSearch({ sort: "name", dir: "asc", size: query.size, from: query.from })}`;
  const course = query.course ? courses.find((c) => c.id === query.course) : undefined;
  // A compliance figure opens the view filtered to its rows, the longest overdue first.
  const requiredHref = (required: RequiredFilter, courseId?: string) =>
    `${basePath}${progressSearch({ sort: "due", dir: "asc", size: query.size, from: query.from, required, course: courseId })}`;
  const range = pageRange(query, page.rows.length, summary.enrolments, summary.preceding);

  return (
    <>
      <ProgressSelector scopes={scopes} selected={schoolId} />
      <section aria-labelledby="school-progress" className="space-y-4">
        {cameFrom ? (
          <p className="text-sm">
            <Link href={`/courses/overview/${cameFrom.trustId}`} className="inline-flex min-h-6 items-center font-medium text-brand-700 underline underline-offset-4" data-testid="back-to-overview">
              <span aria-hidden="true">←&nbsp;</span>Back to All schools in {cameFrom.trustName}
            </Link>
          </p>
        ) : null}
        <div>
          <h2 id="school-progress" className="text-xl font-semibold">
            {course ? `${course.title} at ${school.schoolName}` : school.schoolName}
          </h2>
          <p className="text-slate-700">
            {course ? "Course progress of every member of staff enrolled on this course. " : "Course progress of every member of staff. "}
            {school.kind === "trust-school"
              ? `The school has chosen ${school.trustName} as its Multi Academy Trust.`
              : "You are an Administrator here."}
          </p>
          {course ? (
            <p className="mt-1 text-sm">
              <Link href={`${basePath}${progressSearch(query, { course: undefined })}`} className="inline-flex min-h-6 items-center font-medium text-brand-700 underline underline-offset-4">
                Show every course at {school.schoolName}
              </Link>
            </p>
          ) : null}
        </div>
        {compliance.staff > 0 ? <RequiredTraining compliance={compliance} hrefFor={requiredHref} /> : null}
        <SummaryFigures summary={summary} filtered={countActiveFilters(query) > 0} />
        <ProgressFilters query={query} courses={courses} basePath={basePath} clearHref={clearHref} />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-700" data-testid="match-count">
            {summary.enrolments === 1 ? "1 enrolment matches." : `${summary.enrolments.toLocaleString("en-GB")} enrolments match.`}
          </p>
          <div className="flex flex-wrap gap-2">
            <a
              href={`${basePath}/export${progressSearch({ ...query, from: undefined })}`}
              download
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
            >
              Export as CSV
            </a>
            {/* The whole school, whatever the filters: required training, every member of staff, history, who can see it. */}
            <a
              href={`${basePath}/evidence-pack`}
              download
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
              data-testid="evidence-pack"
            >
              Evidence pack (PDF)
            </a>
          </div>
        </div>
        <ProgressRows school={school} rows={page.rows} query={query} basePath={basePath} clearHref={clearHref} />
        <Pagination query={query} page={page} basePath={basePath} range={range} total={summary.enrolments} />
      </section>
    </>
  );
}
