"use client";

import { usePathname } from "next/navigation";

export const UNAVAILABLE_TITLE = "Schoot is briefly unavailable";
export const UNAVAILABLE_MESSAGE = "We could not open this page just now. Nothing was changed. Please try again in a moment.";

/**
 * The "try again" page, shared by error.tsx and global-error.tsx. Try again reloads the page, so the server is
 * asked afresh (React's reset() would only re-render what failed); without JavaScript it is a plain link to the
 * same path.
 * The digest is Next's reference for the logged error, so support can find the line; it says nothing else.
 */
export function ErrorMessage({ digest }: { digest?: string }) {
  const pathname = usePathname() ?? "/";
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <title>{UNAVAILABLE_TITLE}</title>
      <h1 className="text-2xl font-semibold">{UNAVAILABLE_TITLE}</h1>
      <p className="mt-3 text-slate-700">{UNAVAILABLE_MESSAGE}</p>
      <p className="mt-6">
        <a
          href={pathname}
          onClick={(event) => {
            event.preventDefault();
            window.location.reload();
          }}
          className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Try again
        </a>
      </p>
      <p className="mt-6 text-sm text-slate-600">
        If it keeps happening, raise a support ticket{digest ? <> and quote the reference <span className="font-mono">{digest}</span></> : null}.
      </p>
    </main>
  );
}
