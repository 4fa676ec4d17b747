import { MAX_BYTES, MAX_ROWS } from "@/lib/staff-import";
import { StaffListForm } from "../(staff-import)/my-school/import/staff-list-form";

/** Administrators only: upload the staff list as CSV; the next page previews it, and nothing changes until it is confirmed. */
export function StaffImportSection({ organisationId }: { organisationId: string }) {
  return (
    <section id="import-staff-list" aria-labelledby="import-staff-list-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="import-staff-list-heading" className="text-xl font-semibold">Import staff list</h2>
      <div id="staff-list-hint" className="mt-2 space-y-2 text-sm text-slate-700">
        <p>
          Keep My colleagues in step with the school&apos;s own staff list: upload it as a CSV file with the columns name, email, role (Member or
          Administrator; optional) and start date (optional, e.g. 01/09/2026). A file saved from Excel as &ldquo;CSV UTF-8&rdquo; works. Up to{" "}
          {MAX_ROWS.toLocaleString("en-GB")} rows and {MAX_BYTES / 1024 / 1024} MB.
        </p>
        <p>You see a preview first: nothing changes until you confirm.</p>
      </div>
      <p className="mt-2 text-sm">
        <a href="/workplace/my-school/import/template" download className="inline-flex min-h-6 items-center font-medium text-brand-700 underline underline-offset-4">
          Download a template (CSV)
        </a>
      </p>
      <StaffListForm organisationId={organisationId} maxBytes={MAX_BYTES} describedBy="staff-list-hint" />
    </section>
  );
}
