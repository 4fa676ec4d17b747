import { describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ default: () => ({}), CredentialsSignin: class extends Error {} }));
vi.mock("next-auth/providers/credentials", () => ({ default: () => ({}) }));

const { credentialsInput } = await import("./auth");

describe("credentialsInput", () => {
  it("normalises the email and names each missing field", () => {
    expect(credentialsInput.parse({ email: "  Lead@Northstar.Example ", password: "x" }).email).toBe("lead@northstar.example");
    const result = credentialsInput.safeParse({ email: "not-an-email", password: "" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["email", "password"]));
  });
});
