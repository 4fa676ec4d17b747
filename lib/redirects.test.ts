import { describe, expect, it } from "vitest";
import { safeCallbackUrl, sameOriginPath } from "./redirects";

describe("safeCallbackUrl", () => {
  it.each([
    ["/courses/my-courses", "/courses/my-courses"],
    ["/workplace/my-school?x=1", "/workplace/my-school?x=1"],
    ["/courses#x", "/courses#x"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/a//b", "/a//b"],
    // Another origin, written plainly or in the ways browsers forgive.
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    // Paths that only become "//evil.example" once normalised (the security review's finding).
    ["/.//evil.example", "/"],
    ["/..//evil.example", "/"],
    ["/%2e//evil.example", "/"],
    ["/%2E%2E//evil.example", "/"],
    ["/a/..//evil.example", "/"],
    ["/a/b/../..//evil.example/x?y#z", "/"],
    ["/././/evil.example", "/"],
    // Not a path at all.
    ["", "/"],
    ["evil.example", "/"],
    ["javascript:alert(1)", "/"],
    [undefined, "/"],
    [["/courses"], "/"],
    ["/" + "a".repeat(3000), "/"],
    // Never back to the sign-in page.
    ["/sign-in?callbackUrl=/x", "/"],
    ["/sign-in", "/"],
    ["/./sign-in", "/"],
    ["/sign-inside", "/sign-inside"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it("resolves dot segments that stay on this site", () => {
    expect(sameOriginPath("/courses/./all/../my-courses")).toBe("/courses/my-courses");
    expect(sameOriginPath("/x/..//evil.example", "/fallback")).toBe("/fallback");
  });
});
