/** A Workplace tab for someone who belongs to no organisation yet: what to do about it. */
export function NoOrganisation({ title }: { title: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-xl font-semibold">{title}</h2>
      <p className="mt-2 text-slate-700">You are not a member of any organisation yet. Ask your school&apos;s Administrator to invite you.</p>
    </section>
  );
}
