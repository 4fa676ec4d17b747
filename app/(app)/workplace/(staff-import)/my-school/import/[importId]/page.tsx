import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { changesAnything } from "@/lib/staff-import";
import { ConfirmImport } from "./confirm-import";
import { ImportSummaryPanel } from "./import-summary";
import { loadStaffImport } from "./load";
import { countsLine, PreviewGroups, ProblemRows, removableLeavers } from "./preview-groups";

export const metadata: Metadata = { title: "Import staff list" };

const linkClass = "inline-flex min-h-6 items-center font-medium text-brand-700 underline underline-offset-4";

/**
 * One uploaded staff list: before it is applied, what confirming would do to today's staff (worked out again
 * on every visit, so it is never stale); once applied, what was done. Administrators of the organisation only
 * (load.ts): anyone else gets not found.
 */
export default async function StaffImportPage({ params }: { params: Promise<{ importId: string }> }) {
  const { manager, importId, fileName, createdAt, summary, appliedAt, plan } = await loadStaffImport((await params).importId);
  const uploaded = (
    <p className="mt-1 text-sm break-words text-slate-700" data-testid="import-file">
      {fileName}, uploaded {formatDateTime(createdAt)}
    </p>
  );

  if (!plan) {
    return (
      <section aria-labelledby="import-heading" className="max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="import-heading" className="text-xl font-semibold">Import complete</h2>
        {uploaded}
        <ImportSummaryPanel summary={summary} appliedAt={appliedAt} />
        <p className="mt-4">
          <Link href="/workplace/my-school" className={linkClass}>Go to My School</Link>
        </p>
      </section>
    );
  }

  const removable = removableLeavers(plan);
  const nothingToChange = !changesAnything(plan);
  const uploadAnother = (
    <Link href="/workplace/my-school#import-staff-list" className={linkClass}>Upload a different file</Link>
  );

  const head = (
    <section aria-labelledby="import-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="import-heading" className="text-xl font-semibold">Import staff list: preview</h2>
      {uploaded}
      <p className="mt-3 font-medium" data-testid="import-counts">{countsLine(plan)}</p>
      {nothingToChange ? (
        <>
          <p className="mt-3 text-slate-900" data-testid="nothing-to-change">Nothing to change: the staff list matches My colleagues.</p>
          <p className="mt-3">{uploadAnother}</p>
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-700">Nothing changes until you confirm at the end of this page.</p>
      )}
    </section>
  );

  return (
    <div className="max-w-3xl space-y-6">
      {nothingToChange ? (
        <>
          {head}
          {plan.problems.length ? <ProblemRows problems={plan.problems} /> : null}
        </>
      ) : (
        <ConfirmImport
          organisationId={manager.organisationId}
          importId={importId}
          fingerprint={plan.fingerprint}
          removable={removable}
          problems={plan.problems.length}
          head={head}
          uploadAnother={uploadAnother}
        >
          <PreviewGroups plan={plan} />
        </ConfirmImport>
      )}
    </div>
  );
}
