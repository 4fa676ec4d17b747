// The one thing integration tests stand in for when they call route handlers and actions as the app does:
// who is signed in. A test file says `vi.mock("@/lib/auth", () => import("./session-stand-in"))`, then
// `signInAs(id)` (or `signInAs(null)` for a visitor) before each call.
import { vi } from "vitest";

let userId: string | null = null;

export function signInAs(id: string | null) {
  userId = id;
}

export const getViewer = async () => (userId ? { id: userId } : null);
export const signIn = vi.fn();
export const signOut = vi.fn();
