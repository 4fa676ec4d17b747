"use client";

import type { ComponentProps } from "react";

/** A select that submits its form as soon as a choice is made (the form's own button serves without JavaScript). */
export function ChoiceSelect(props: ComponentProps<"select">) {
  return <select {...props} onChange={(event) => event.currentTarget.form?.requestSubmit()} />;
}
