import { Field } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";

/** "Verification code": a plain GET form (no JavaScript needed); /verify sends it on to /verify/<code>. */
export function VerifyForm({ value }: { value?: string }) {
  return (
    <form action="/verify" method="get" className="space-y-4">
      <Field
        label="Verification code"
        name="code"
        hint="The 16 letters and digits at the foot of the certificate, like ABCD-1234-EFGH-5678."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        maxLength={64}
        defaultValue={value}
      />
      <SubmitButton pending={false} label="Check the certificate" wide />
    </form>
  );
}
