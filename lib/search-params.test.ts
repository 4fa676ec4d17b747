import { describe, expect, it } from "vitest";
import { isCleanText, readPathParam, readSearchParam, readSearchParams } from "./search-params";

// Hostile values a URL can carry once decoded: each must read as absent.
const hostile: [string, string][] = [
  ["a NUL", "a\u0000b"],
  ["a lone NUL", "\u0000"],
  ["another control character", "a\u0007b"],
  ["a newline", "line\nbreak"],
  ["DEL", "a\u007fb"],
  ["a C1 control", "a\u0085b"],
  ["a lone high surrogate", "a\ud800b"],
  ["a lone low surrogate", "\udc00"],
  ["a megabyte", "a".repeat(1_000_000)],
  ["just over the limit", "a".repeat(2_001)],
];

describe("readSearchParam", () => {
  it("keeps one clean value, from a record or URLSearchParams", () => {
    expect(readSearchParam({ q: "Riverside é 🙂" }, "q")).toBe("Riverside é 🙂");
    expect(readSearchParam(new URLSearchParams("q=Riverside%20%C3%A9"), "q")).toBe("Riverside é");
    expect(readSearchParam({ q: "a".repeat(2_000) }, "q")).toHaveLength(2_000);
  });

  it("reads missing and empty values as absent", () => {
    expect(readSearchParam({}, "q")).toBeUndefined();
    expect(readSearchParam({ q: "" }, "q")).toBeUndefined();
    expect(readSearchParam(new URLSearchParams("q="), "q")).toBeUndefined();
    expect(readSearchParam(new URLSearchParams(""), "q")).toBeUndefined();
  });

  it("drops a repeated parameter rather than picking one of its values", () => {
    expect(readSearchParam({ q: ["a", "b"] }, "q")).toBeUndefined();
    expect(readSearchParam(new URLSearchParams("q=a&q=b"), "q")).toBeUndefined();
  });

  it.each(hostile)("drops %s", (_, value) => {
    expect(readSearchParam({ q: value }, "q")).toBeUndefined();
    // URLSearchParams itself turns a lone surrogate into U+FFFD, which is harmless text.
    if (value.isWellFormed()) expect(readSearchParam(new URLSearchParams({ q: value }), "q")).toBeUndefined();
  });

  it("reads a NUL decoded from %00 in a real query string as absent", () => {
    expect(readSearchParam(new URLSearchParams("q=%00"), "q")).toBeUndefined();
    expect(readSearchParam(new URLSearchParams("q=a%00b"), "q")).toBeUndefined();
  });

  it("does not read inherited properties as parameters", () => {
    expect(readSearchParam({}, "constructor")).toBeUndefined();
    expect(readSearchParam({}, "__proto__")).toBeUndefined();
  });

  it("takes a shorter limit when asked", () => {
    expect(readSearchParam({ q: "abcdef" }, "q", 5)).toBeUndefined();
    expect(readSearchParam({ q: "abcde" }, "q", 5)).toBe("abcde");
  });
});

describe("readSearchParams", () => {
  it("keeps only the named, clean values", () => {
    expect(readSearchParams({ trustQuery: "North", confirmTrust: ["a", "b"], trust: "x\u0000", other: "y" }, ["trustQuery", "confirmTrust", "trust"])).toEqual({ trustQuery: "North" });
  });
});

describe("readPathParam", () => {
  it("keeps a plain segment and drops a hostile one", () => {
    expect(readPathParam("safeguarding-essentials")).toBe("safeguarding-essentials");
    expect(readPathParam(undefined)).toBeUndefined();
    expect(readPathParam("")).toBeUndefined();
    for (const [, value] of hostile) expect(readPathParam(value)).toBeUndefined();
    expect(readPathParam("a".repeat(201))).toBeUndefined();
  });
});

describe("isCleanText", () => {
  it("accepts printable text in any script, and no tab", () => {
    expect(isCleanText("Ysgol Gymraeg – Llanfair 🏫")).toBe(true);
    expect(isCleanText("tab\there")).toBe(false);
  });
});
