import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { VisitorPage } from "@/components/visitor-page";
import { getEmailSettings, LIST_WORDS } from "@/lib/email-settings";
import { readUnsubscribe, unsubscribeQuery } from "@/lib/mail/unsubscribe";

// The link's signature is in the address: keep it out of the Referer of any link followed from here
// ("same-origin", not "no-referrer", so the form still sends this site's Origin; see app/invite/[token]/page.tsx).
export const metadata: Metadata = { title: "Unsubscribe", referrer: "same-origin", robots: { index: false } };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : null);

/*
 * Open to visitors (proxy.ts): the signed link alone decides. Showing it changes nothing (mail scanners open
 * every link); the button POSTs to /api/unsubscribe, which sends the browser back here. The page says nothing
 * about the person but what their own link already names: which emails, and whether they still get them.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const link = readUnsubscribe({ u: one(query.u), l: one(query.l), t: one(query.t) });
  const settings = link ? await getEmailSettings(link.userId) : null;
  if (!link || !settings) notFound();
  const words = LIST_WORDS[link.list];
  const subscribed = link.list === "reminders" ? settings.reminders : settings.digest;

  return (
    <VisitorPage title="Unsubscribe">
      <div className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        {subscribed ? (
          <>
            <p className="text-slate-700">Stop getting {words} by email?</p>
            <form method="post" action={`/api/unsubscribe?${unsubscribeQuery(link.userId, link.list)}`}>
              <input type="hidden" name="List-Unsubscribe" value="One-Click" />
              <button type="submit" className="rounded-md bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800">
                Unsubscribe
              </button>
            </form>
          </>
        ) : (
          <p role="status" className="text-slate-700" data-testid="unsubscribed">
            You will no longer get {words}. Change this any time on your{" "}
            <Link href="/account" className="font-medium text-brand-700 underline underline-offset-4">Account page</Link>.
          </p>
        )}
      </div>
    </VisitorPage>
  );
}
