/** One labelled value in a <dl> of an organisation's details. */
export function DetailItem({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1" data-testid={testId}>{children}</dd>
    </div>
  );
}
