import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findSchoolProgressScope, listProgressScopes } from "@/lib/access";
import { requireViewer } from "@/lib/auth";
import { listCourseOptions, listSchoolProgress, summariseSchoolProgress } from "@/lib/progress";
import { parseProgressQuery, progressSearch } from "@/lib/progress-query";
import { ProgressSelector } from "../../_components/progress-selector";
import { Pagination } from "./pagination";
import { ProgressFilters } from "./progress-filters";
import { ProgressRows } from "./progress-rows";
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
 * Statements per render, whatever the page size: the viewer, the viewer's scopes (the selector, and the
 * access decision for this school, from lib/access.ts), the rows, the summary and the course list.
 */
export default async function SchoolProgressPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const { schoolId } = await params;
  const school = await findSchoolProgressScope(viewer.id, schoolId);
  if (!school) notFound(); // the same page for a school that is not yours and one that does not exist

  const query = parseProgressQuery(await searchParams);
  const [scopes, page, summary, courses] = await Promise.all([
    listProgressScopes(viewer.id),
    listSchoolProgress(viewer.id, schoolId, query),
    summariseSchoolProgress(viewer.id, schoolId, query),
    listCourseOptions(),
  ]);
  const basePath = `/courses/progress/${schoolId}`;

  return (
    <>
      <ProgressSelector scopes={scopes} selected={schoolId} />
      <section aria-labelledby="school-progress" className="space-y-4">
        <div>
          <h2 id="school-progress" className="text-xl font-semibold">{school.schoolName}</h2>
          <p className="text-slate-700">
            {school.kind === "trust-school"
              ? `Course progress of every member of staff. The school has chosen ${school.trustName} as its Multi Academy Trust.`
              : "Course progress of every member of staff. You are an Administrator here."}
          </p>
        </div>
        <SummaryFigures summary={summary} filtered={!!(query.course || query.status || query.q)} />
        <ProgressFilters query={query} courses={courses} basePath={basePath} />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-700" data-testid="match-count">
            {summary.enrolments === 1 ? "1 enrolment matches." : `${summary.enrolments.toLocaleString("en-GB")} enrolments match.`}
          </p>
          <a
            href={`${basePath}/export${progressSearch(query)}`}
            download
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            Export as CSV
          </a>
        </div>
        <ProgressRows rows={page.rows} query={query} basePath={basePath} />
        <Pagination query={query} page={page} basePath={basePath} />
      </section>
    </>
  );
}
