/**
 * What a page shows while it waits on the database (each route's loading.tsx): grey blocks in the shape of
 * a page, and a status that a screen reader announces. The blocks are hidden from assistive technology.
 *
 * Where the loading.tsx files sit matters too: a page that may answer not-found (another tenant's school,
 * ticket…) must answer a real 404, so no skeleton sits above such a page: each one wraps a single page
 * (list pages sit in a route group of their own), and each [id] segment's layout decides not-found first.
 */
export function PageSkeleton(props: { heading?: boolean }) {
  const { heading = true } = props;
  return (
    <div role="status" aria-live="polite" data-testid="loading" data-loading-skeleton="">
      <span className="sr-only">Loading…</span>
      <div aria-hidden="true" className="animate-pulse space-y-4 motion-reduce:animate-none">
        {heading ? <div className="h-7 w-48 rounded bg-slate-200" /> : null}
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <div className="h-5 w-2/3 rounded bg-slate-200" />
          <div className="h-4 w-full rounded bg-slate-100" />
          <div className="h-4 w-5/6 rounded bg-slate-100" />
          <div className="h-4 w-3/4 rounded bg-slate-100" />
        </div>
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <div className="h-5 w-1/2 rounded bg-slate-200" />
          <div className="h-4 w-full rounded bg-slate-100" />
          <div className="h-4 w-2/3 rounded bg-slate-100" />
        </div>
      </div>
    </div>
  );
}
