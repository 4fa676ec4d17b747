"use server";

import { revalidatePath } from "next/cache";
import { authAction } from "@/lib/action";
import { signInSettingsInput, updateSignInSettings } from "@/lib/sso";

// A thin wrapper: the caller's role (read in the transaction), the tenant, the rules between the settings and
// the audit row live in lib/sso.ts; a refusal about one field (FieldError) is shown next to it by authAction.
// updateSignInSettings parses the form's fields itself, so it is handed what was posted: the parsed input holds
// booleans where the form sends "on", and would not parse again.
export const updateSignInSettingsAction = authAction(signInSettingsInput, async function saveSignInSettings(_input, { viewer, formData }) {
  const { message } = await updateSignInSettings(viewer.id, Object.fromEntries(formData));
  revalidatePath("/workplace/my-school");
  return { ok: true, message };
});
