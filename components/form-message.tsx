import type { FormState } from "@/lib/form-state";

/** The message for a whole form: always in the page, so screen readers announce what appears in it. */
export function FormMessage({ state }: { state: FormState }) {
  const tone = state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-800";
  return (
    <div role="status" data-testid="form-message" className={state.message ? `rounded-md border px-3 py-2 text-sm break-words ${tone}` : "sr-only"}>
      {state.message}
    </div>
  );
}
