import type { FormState } from "@/lib/form-state";

/** An action's message, announced politely: green when it worked, red when it was refused. */
export function StatusMessage({ state, testId }: { state: FormState; testId?: string }) {
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid={testId}
      className={
        !state.message ? "sr-only" : state.ok ? "rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900" : "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
      }
    >
      {state.message}
    </p>
  );
}
