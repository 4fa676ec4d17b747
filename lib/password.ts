import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import { argon2Options as options } from "./argon2-options";

/** The rule for every password a person chooses (an account, a change, a reset). */
export const newPasswordRule = z.string().min(10, "Use at least 10 characters").max(200, "Use at most 200 characters");

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

// Verified against when the email is unknown, so that an unknown account costs the same time as a wrong password.
const dummyHash = hash("not-a-real-password", options);

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? (await dummyHash), password);
  } catch {
    return false;
  }
}
