import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { readMailbox } from "@/lib/mail/mailbox";
import { sameSecret } from "@/lib/same-secret";

export const metadata: Metadata = { title: "Local mailbox (development only)", robots: { index: false } };
export const dynamic = "force-dynamic";

// What the local SMTP server (scripts/local-mail.ts) received. It exists only where the project's own scripts
// started that server, and opens only with the key they printed (SCHOOT_LOCAL_MAILBOX): `next dev` listens on
// every interface, and this page holds reset and confirmation links. A deployed app answers not found.
export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ key?: string | string[] }> }) {
  const { SCHOOT_LOCAL_MAILBOX, MAIL_CAPTURE_DIR, VERCEL } = env();
  const { key } = await searchParams;
  if (!SCHOOT_LOCAL_MAILBOX || !MAIL_CAPTURE_DIR || VERCEL || typeof key !== "string") notFound();
  if (!sameSecret(key, SCHOOT_LOCAL_MAILBOX)) notFound();
  const messages = await readMailbox(MAIL_CAPTURE_DIR, { limit: 50 });
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Schoot</p>
      <h1 className="mt-1 text-2xl font-semibold">Local mailbox</h1>
      <p role="note" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
        Development only. With no <code>SMTP_URL</code> set, the app sends its email over SMTP to a local server of the
        project&apos;s own, which keeps it here instead of delivering it. A deployed app has no such page.
      </p>
      <p className="mt-4 text-slate-700">{messages.length ? `The latest ${messages.length} message${messages.length === 1 ? "" : "s"}, newest first.` : "No email has been sent yet."}</p>
      <ol className="mt-4 space-y-4">
        {messages.map((mail) => (
          <li key={mail.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="mail">
            <h2 className="text-lg font-semibold break-words">{mail.subject}</h2>
            <p className="mt-1 text-sm break-words text-slate-700">
              To <span data-testid="mail-to">{mail.to}</span> · {formatDateTime(mail.date)}
            </p>
            <div className="mt-3 space-y-2">
              {mail.links.map((href) => (
                <a key={href} href={href} className="inline-flex min-h-6 items-center font-medium break-all text-brand-800 underline underline-offset-4">
                  Open the link in this email
                </a>
              ))}
            </div>
            <details className="mt-3">
              <summary className="cursor-pointer py-1 text-sm font-medium text-slate-800">The text version</summary>
              <pre className="mt-2 text-sm break-words whitespace-pre-wrap text-slate-800">{mail.text}</pre>
            </details>
            {mail.headers["list-unsubscribe"] ? (
              <p className="mt-2 text-xs break-all text-slate-600">List-Unsubscribe: {mail.headers["list-unsubscribe"]}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </main>
  );
}
