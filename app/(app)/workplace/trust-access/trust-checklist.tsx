import Link from "next/link";
import { CopyButton } from "@/components/copy-button";
import { designationLabels, roleLabels } from "@/lib/labels";
import type { TrustAccessChecklist } from "@/lib/trust";
import { can } from "@/lib/permissions";

function Check({ ok, title, children }: { ok: boolean; title: string; children: React.ReactNode }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="check" data-ok={ok}>
      <h3 className="flex items-center gap-2 font-semibold">
        <span aria-hidden="true" className={ok ? "text-green-700" : "text-red-700"}>{ok ? "✓" : "✗"}</span>
        {title}
        <span className="sr-only">{ok ? "(done)" : "(needs action)"}</span>
      </h3>
      <div className="mt-2 space-y-2 text-slate-800">{children}</div>
    </li>
  );
}

/** A trust's side: the help article's three conditions, checked live for the viewer's trust. */
export function TrustChecklist({ checklist }: { checklist: TrustAccessChecklist }) {
  const { organisation, role, administrators, schools } = checklist;
  const isAcademies = organisation.designation === "ACADEMIES";
  const isAdministrator = can(role, "progress.view");
  const ticketHref = `/support/new?${new URLSearchParams({
    category: "CHANGE_DESIGNATION",
    subject: `Change ${organisation.name}'s designation to Academies`,
    organisation: organisation.id,
  })}`;
  const message = [
    `Hello,`,
    ``,
    `So that ${organisation.name} can see our staff's course progress on Schoot, please choose us as your Multi Academy Trust:`,
    `1. Sign in to Schoot as an Administrator of your school.`,
    `2. Go to Workplace, then My School.`,
    `3. Under "Multi Academy Trust", search for "${organisation.name}"${organisation.companiesHouseNumber ? ` (Companies House number ${organisation.companiesHouseNumber})` : ""}, choose it and confirm.`,
    ``,
    `You can remove or change the choice at any time. Thank you.`,
  ].join("\n");

  return (
    <section aria-labelledby="checklist-heading">
      <h2 id="checklist-heading" className="text-xl font-semibold">Trust access checklist for {organisation.name}</h2>
      <p className="mt-1 text-slate-700">To see your schools&apos; course progress, all three must be ticked. Checked just now.</p>
      <ol className="mt-4 space-y-4">
        <Check ok={isAcademies} title="Designation">
          <p>Type: <strong>{designationLabels[organisation.designation]}</strong></p>
          {!isAcademies ? (
            <>
              <p>Your organisation must be designated Academies. Schoot support changes it on request.</p>
              <Link href={ticketHref} className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
                New Support Ticket: change designation
              </Link>
            </>
          ) : null}
        </Check>
        <Check ok={isAdministrator} title="Role">
          <p>Your role: <strong>{roleLabels[role]}</strong></p>
          {!isAdministrator ? (
            <p>
              Only an Administrator sees trust-wide progress. Ask one of {organisation.name}&apos;s Administrators to make you one:{" "}
              {administrators.map((a) => `${a.name} (${a.email})`).join(", ") || "none yet"}.
            </p>
          ) : null}
        </Check>
        <Check ok={schools.length > 0} title="Schools">
          {schools.length ? (
            <p>Schools that chose {organisation.name}: {schools.map((s) => s.name).join(", ")}.</p>
          ) : (
            <p>No school has chosen {organisation.name} as its Multi Academy Trust yet.</p>
          )}
          <p>Send this to the Administrators of schools that have not chosen you yet:</p>
          <pre className="overflow-x-auto rounded-md border border-slate-200 bg-slate-50 p-3 text-sm whitespace-pre-wrap" data-testid="school-message">{message}</pre>
          <CopyButton text={message} />
        </Check>
      </ol>
    </section>
  );
}
