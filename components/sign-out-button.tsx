"use client";

import { useActionState } from "react";
import { signOutAction } from "@/app/(app)/actions";

export function SignOutButton({ className }: { className: string }) {
  const [, action, pending] = useActionState(signOutAction, {});
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className={className}>
        Sign out
      </button>
    </form>
  );
}
