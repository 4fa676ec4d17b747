"use server";

import { revalidatePath } from "next/cache";
import { authAction } from "@/lib/action";
import { changePassword, changePasswordInput, signOutOtherSessions, WrongCurrentPassword } from "@/lib/account";
import { changeEmailSettings, emailSettingsInput } from "@/lib/email-settings";
import { z } from "zod";
import { clientIp } from "@/lib/auth";

const otherDevices = (ended: number) => (ended ? ` You have been signed out on ${ended === 1 ? "1 other device" : `${ended} other devices`}.` : "");

// The viewer changes only their own password: the id comes from the session row, never from the form.
export const changePasswordAction = authAction(changePasswordInput, async function changeOwnPassword(input, { viewer }) {
  let ended: number;
  try {
    ({ ended } = await changePassword(viewer, viewer.sessionId, await clientIp(), input));
  } catch (error) {
    // Next to the field it is about, like every other check of the form.
    if (error instanceof WrongCurrentPassword) return { errors: { currentPassword: [error.message] }, message: "Check the highlighted fields." };
    throw error;
  }
  revalidatePath("/account");
  return { ok: true, message: `Your password has been changed.${otherDevices(ended)}` };
});

export const signOutOtherSessionsAction = authAction(z.object({}), async function signOutOwnOtherSessions(_input, { viewer }) {
  const { ended } = await signOutOtherSessions(viewer.id, viewer.sessionId);
  revalidatePath("/account");
  return { ok: true, message: ended ? `Signed out.${otherDevices(ended)}` : "You were not signed in anywhere else." };
});

// The viewer's own row only: the id is the session's.
export const changeEmailSettingsAction = authAction(emailSettingsInput, async function changeOwnEmailSettings(input, { viewer }) {
  await changeEmailSettings(viewer.id, input);
  revalidatePath("/account");
  return { ok: true, message: "Your email settings are saved." };
});
