import Link from "next/link";

/** A trust's My School: its staff are the central team; schools choose the trust, the trust chooses nothing. */
export function CentralTeamSection({ trustName, isAdministrator }: { trustName: string; isAdministrator: boolean }) {
  return (
    <section aria-labelledby="central-team-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="central-team-heading" className="text-lg font-semibold">Central team</h2>
      <p className="mt-2 text-slate-700">
        The colleagues listed here are {trustName}&apos;s central team. Schools choose {trustName} as their Multi Academy Trust
        from their own My School page; a trust does not choose one.
      </p>
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {isAdministrator ? (
          <Link href="/workplace/my-trust" className="inline-block py-1 font-medium text-brand-800 underline underline-offset-4">Schools that chose {trustName}</Link>
        ) : null}
        <Link href="/workplace/trust-access" className="inline-block py-1 font-medium text-brand-800 underline underline-offset-4">Trust access checklist</Link>
      </p>
    </section>
  );
}
