import type { Metadata } from "next";
import { designationLabels } from "@/lib/labels";
import { requireSupportViewer } from "@/lib/support";
import { NewOrganisationForm } from "./new-organisation-form";

export const metadata: Metadata = { title: "New organisation · Support console" };

export default async function NewOrganisationPage() {
  await requireSupportViewer();
  return (
    <section aria-labelledby="new-organisation-heading" className="max-w-xl">
      <h2 id="new-organisation-heading" className="text-xl font-semibold">New organisation</h2>
      <p className="mt-1 text-slate-700">A school is an establishment with a URN; a trust (a MAT, or a trust&apos;s central team) has a Companies House number where known.</p>
      <NewOrganisationForm designations={Object.entries(designationLabels).map(([value, label]) => ({ value, label }))} />
    </section>
  );
}
