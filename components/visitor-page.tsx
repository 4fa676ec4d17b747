/**
 * The frame of every page a visitor reaches (signing in, the links in emails, checking a certificate): the
 * product's name, the page's one heading, then its content, in a narrow column centred on the screen.
 */
export function VisitorPage({ title, children }: { title: React.ReactNode; children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-10">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Schoot</p>
      <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
      {children}
    </main>
  );
}
