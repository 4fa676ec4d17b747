import Link from "next/link";

/**
 * The frame of every page a visitor reaches (signing in, the links in emails, checking a certificate): the
 * product's name, the page's one heading, then its content, in a narrow column centred on the screen.
 */
export function VisitorPage({ title, back, children }: { title: React.ReactNode; back?: { href: string; label: string }; children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-10">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Schoot</p>
      <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
      {children}
      {back ? (
        <p className="mt-4 text-center text-sm">
          <Link href={back.href} className="inline-block py-1 font-medium text-brand-700 underline hover:text-brand-800">
            {back.label}
          </Link>
        </p>
      ) : null}
    </main>
  );
}
