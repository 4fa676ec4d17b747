import Link from "next/link";
import { listSchoolProgressViewers, type MemberScope } from "@/lib/access";
import { formatDate } from "@/lib/format";
import { can } from "@/lib/permissions";
import { designationLabels } from "@/lib/labels";
import { getTrustChoice, type TrustAccessChecklist } from "@/lib/trust";

/**
 * A school's side of trust access: the Multi Academy Trust it chose, who at that trust can see its staff's
 * course progress (lib/access.ts's inverse answer, so the list is exactly who the rule lets in), and how to
 * change it. A school's own designation plays no part, so nothing here asks it to become Academies.
 */
export async function SchoolTrustAccess({ checklist, member }: { checklist: TrustAccessChecklist; member: MemberScope }) {
  const { organisation: school, role, administrators } = checklist;
  const [choice, viewers] = await Promise.all([getTrustChoice(member), listSchoolProgressViewers(member)]);
  const trustViewers = viewers.filter((v) => v.reason === "trust-administrator");
  const isAdministrator = can(role, "trust.choose");

  return (
    <section aria-labelledby="trust-access-heading" className="space-y-4">
      <div>
        <h2 id="trust-access-heading" className="text-xl font-semibold">Trust access for {school.name}</h2>
        <p className="mt-1 text-slate-700">
          A school chooses one Multi Academy Trust. When that trust is designated Academies, its Administrators can see the course
          progress of every member of the school&apos;s staff. Checked just now.
        </p>
      </div>

      <article className="rounded-lg border border-slate-200 bg-white p-4" data-testid="chosen-trust">
        <h3 className="font-semibold">Multi Academy Trust</h3>
        {choice ? (
          <div className="mt-2 space-y-1 text-slate-800">
            <p><strong>{choice.trust.name}</strong>, chosen {formatDate(choice.chosenAt)}{choice.chosenByName ? ` by ${choice.chosenByName}` : ""}.</p>
            <p className="text-sm text-slate-700">Type: {designationLabels[choice.trust.designation]}</p>
          </div>
        ) : (
          <p className="mt-2 text-slate-800">None chosen. No trust can see your staff&apos;s course progress.</p>
        )}
      </article>

      {choice ? (
        <article className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="trust-viewers-heading">
          <h3 id="trust-viewers-heading" className="font-semibold">Who at {choice.trust.name} can see your staff&apos;s training</h3>
          {trustViewers.length ? (
            <ul className="mt-2 list-disc pl-5" data-testid="trust-viewers">
              {trustViewers.map((v) => (
                <li key={v.userId}>{v.name} <span className="text-slate-600">({v.email})</span></li>
              ))}
            </ul>
          ) : choice.trust.designation !== "ACADEMIES" ? (
            <p className="mt-2 text-slate-800" data-testid="trust-viewers">
              Nobody yet: {choice.trust.name} is not designated Academies, so its Administrators see nothing until Schoot designates it.
            </p>
          ) : (
            <p className="mt-2 text-slate-800" data-testid="trust-viewers">Nobody: {choice.trust.name} has no Administrators.</p>
          )}
          <p className="mt-2 text-sm text-slate-700">
            They see which courses each member of staff is enrolled on, how far they are and when they finished; never anyone&apos;s password or messages.
          </p>
        </article>
      ) : null}

      <article className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="font-semibold">{choice ? "Change or remove it" : "Choose your trust"}</h3>
        {isAdministrator ? (
          <p className="mt-2">
            <Link href="/workplace/my-school#multi-academy-trust" className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
              {choice ? "Change your Multi Academy Trust" : "Choose your Multi Academy Trust"}
            </Link>
          </p>
        ) : (
          <p className="mt-2 text-slate-800">
            Only {school.name}&apos;s Administrators can {choice ? "change it" : "choose one"}: {administrators.map((a) => `${a.name} (${a.email})`).join(", ") || "none yet"}.
          </p>
        )}
      </article>
    </section>
  );
}
