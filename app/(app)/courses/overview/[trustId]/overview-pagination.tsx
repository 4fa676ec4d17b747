import Link from "next/link";

/** Previous / next between pages of schools; nothing when the trust fits on one page. */
export function OverviewPagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const step = "inline-flex min-h-11 items-center rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50";
  return (
    <nav aria-label="Pages of schools" className="mt-3 flex flex-wrap items-center gap-3" data-testid="overview-pagination">
      {page > 1 ? <Link href={href(page - 1)} className={step}>Previous<span className="sr-only"> page of schools</span></Link> : null}
      <span className="text-sm text-slate-700">Page {page} of {pages}</span>
      {page < pages ? <Link href={href(page + 1)} className={step}>Next<span className="sr-only"> page of schools</span></Link> : null}
    </nav>
  );
}
