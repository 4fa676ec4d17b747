import Link from "next/link";
import type { ProgressPage } from "@/lib/progress";
import { progressSearch, type ProgressQuery } from "@/lib/progress-query";

const linkClass = "rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100";

/** Keyset pages: links carry the cursor of the first or last row shown, so pages never shift or repeat. */
export function Pagination({ query, page, basePath }: { query: ProgressQuery; page: ProgressPage; basePath: string }) {
  if (!page.previousCursor && !page.nextCursor) return null;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3">
      <div className="flex flex-wrap gap-3">
        {page.previousCursor ? (
          <>
            <Link href={`${basePath}${progressSearch(query)}`} className={linkClass}>First page</Link>
            <Link href={`${basePath}${progressSearch(query, { before: page.previousCursor })}`} rel="prev" className={linkClass}>← Previous page</Link>
          </>
        ) : null}
      </div>
      {page.nextCursor ? (
        <Link href={`${basePath}${progressSearch(query, { after: page.nextCursor })}`} rel="next" className={linkClass}>Next page →</Link>
      ) : null}
    </nav>
  );
}
