/** A form's main button: disabled while its action runs, saying what is happening meanwhile. */
export function SubmitButton({ pending, label, pendingLabel = "Saving…" }: { pending: boolean; label: string; pendingLabel?: string }) {
  return (
    <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-70">
      {pending ? pendingLabel : label}
    </button>
  );
}
