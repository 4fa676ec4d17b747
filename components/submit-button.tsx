/** A form's main button: disabled while its action runs, saying what is happening meanwhile. */
export function SubmitButton({ pending, label, pendingLabel = "Saving…", wide = false }: { pending: boolean; label: string; pendingLabel?: string; wide?: boolean }) {
  return (
    <button type="submit" disabled={pending} className={`${wide ? "w-full " : ""}rounded-md bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-70`}>
      {pending ? pendingLabel : label}
    </button>
  );
}
