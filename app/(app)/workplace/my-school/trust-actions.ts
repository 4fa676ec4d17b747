"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { authAction } from "@/lib/action";
import { chooseTrust, chooseTrustInput, removeTrust, removeTrustInput } from "@/lib/trust";

export const chooseTrustAction = authAction(chooseTrustInput, async function chooseTrustForSchool(input, { viewer }) {
  const result = await chooseTrust(viewer.id, input);
  revalidatePath("/workplace", "layout");
  redirect(`/workplace/my-school?trust=${result.changed ? "chosen" : "unchanged"}#multi-academy-trust`);
});

export const removeTrustAction = authAction(removeTrustInput, async function removeTrustFromSchool(input, { viewer }) {
  await removeTrust(viewer.id, input);
  revalidatePath("/workplace", "layout");
  redirect("/workplace/my-school?trust=removed#multi-academy-trust");
});
