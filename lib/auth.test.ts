import { describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({ default: () => ({}), CredentialsSignin: class extends Error {} }));
vi.mock("next-auth/providers/credentials", () => ({ default: () => ({}) }));

const { safeCallbackUrl, credentialsInput } = await import("./auth");

describe("safeCallbackUrl", () => {
  it.each([
    ["/courses/my-courses", "/courses/my-courses"],
    ["/workplace/my-school?x=1", "/workplace/my-school?x=1"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["/sign-in?callbackUrl=/x", "/"],
    ["/\t/evil.example", "/"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/\n/evil.example", "/"],
    ["/courses#x", "/courses#x"],
    [undefined, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});

describe("credentialsInput", () => {
  it("normalises the email and names each missing field", () => {
    expect(credentialsInput.parse({ email: "  Lead@Northstar.Example ", password: "x" }).email).toBe("lead@northstar.example");
    const result = credentialsInput.safeParse({ email: "not-an-email", password: "" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["email", "password"]));
  });
});
