/** What every server action returns to its form: messages by field, one for the whole form, and what was typed. */
export type FormState = {
  errors?: Record<string, string[] | undefined>;
  message?: string;
  ok?: boolean;
  /** The submitted text fields (never passwords), so a form that comes back with errors keeps them. */
  values?: Record<string, string>;
  /** What a successful action hands back for the form to show once (an invitation link…). */
  result?: Record<string, string>;
};

/** The text fields of a submission worth giving back to the form: no passwords, no framework fields. */
export function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$") && !/password|token/i.test(key)) values[key] = value;
  }
  return values;
}
