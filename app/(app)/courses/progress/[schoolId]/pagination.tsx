import Link from "next/link";
import type { ProgressPage } from "@/lib/progress/school";
import { formatPageRange, progressSearch, type ProgressQuery } from "@/lib/progress/query";

const linkClass = "inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 sm:px-4 sm:text-base";

type Props = { query: ProgressQuery; page: ProgressPage; basePath: string; range: { first: number; last: number }; total: number };

/**
 * Keyset pages: links carry the cursor of the first or last row shown, so pages never shift or repeat;
 * the last page is the order read from the end. The range ("41–60 of 1,240") is counted in SQL.
 */
export function Pagination({ query, page, basePath, range, total }: Props) {
  if (!page.rows.length) return null;
  const href = (changes: Partial<ProgressQuery>) => `${basePath}${progressSearch(query, changes)}`;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-700 tabular-nums" data-testid="page-range">
        {formatPageRange(range, total)}
        <span className="sr-only"> enrolments</span>
      </p>
      {page.previousCursor || page.nextCursor ? (
        <div className="flex flex-wrap gap-2">
          {page.previousCursor ? (
            <>
              <Link href={href({})} className={linkClass}><span aria-hidden="true">«&nbsp;</span>First<span className="sr-only"> page</span></Link>
              <Link href={href({ before: page.previousCursor })} rel="prev" className={linkClass}><span aria-hidden="true">‹&nbsp;</span>Previous<span className="sr-only"> page</span></Link>
            </>
          ) : null}
          {page.nextCursor ? (
            <>
              <Link href={href({ after: page.nextCursor })} rel="next" className={linkClass}>Next<span className="sr-only"> page</span><span aria-hidden="true">&nbsp;›</span></Link>
              <Link href={href({ last: true })} className={linkClass}>Last<span className="sr-only"> page</span><span aria-hidden="true">&nbsp;»</span></Link>
            </>
          ) : null}
        </div>
      ) : null}
    </nav>
  );
}
