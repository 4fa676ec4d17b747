"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/form-state";

/**
 * A form's outcome, announced and, once it appears, focused and scrolled into view: on a phone the button that
 * was tapped is often the last thing on screen, and the confirmation must not land out of sight.
 */
export function FocusedMessage({ state }: { state: FormState }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.message && ref.current) {
      ref.current.focus();
      ref.current.scrollIntoView({ block: "center" });
    }
  }, [state]);
  const tone = state.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-800";
  return (
    <div ref={ref} tabIndex={-1} role="status" data-testid="form-message" className={state.message ? `rounded-md border px-3 py-2 text-sm break-words outline-none focus:ring-2 focus:ring-brand-700 ${tone}` : "sr-only"}>
      {state.message}
    </div>
  );
}
