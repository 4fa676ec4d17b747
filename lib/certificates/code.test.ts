import { describe, expect, it } from "vitest";
import { CODE_LENGTH, newCode, normaliseCode, printedCode } from "./code";

describe("verification codes", () => {
  it("are 16 characters of Crockford's base 32, different every time", () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
  });

  it("use the whole alphabet in every position (no position is fixed or biased away)", () => {
    const seen = Array.from({ length: CODE_LENGTH }, () => new Set<string>());
    for (let i = 0; i < 3000; i += 1) [...newCode()].forEach((char, at) => seen[at]!.add(char));
    for (const chars of seen) expect(chars.size).toBe(32);
  });

  it("print in groups of four", () => {
    expect(printedCode("ABCD0123EFGH4567")).toBe("ABCD-0123-EFGH-4567");
  });

  it("read back what a person types: case, spaces, hyphens, O for 0, I and L for 1", () => {
    expect(normaliseCode("abcd-0123-efgh-4567")).toBe("ABCD0123EFGH4567");
    expect(normaliseCode(" ABCD 0123  EFGH 4567 ")).toBe("ABCD0123EFGH4567");
    expect(normaliseCode("ABCD-O123-EFGH-4567")).toBe("ABCD0123EFGH4567");
    expect(normaliseCode("ABCD-I1L1-EFGH-4567")).toBe("ABCD1111EFGH4567");
    const code = newCode();
    expect(normaliseCode(printedCode(code).toLowerCase())).toBe(code);
  });

  it("refuse anything that cannot be a code", () => {
    expect(normaliseCode("")).toBeNull();
    expect(normaliseCode("ABCD-0123-EFGH-456")).toBeNull(); // too short
    expect(normaliseCode("ABCD-0123-EFGH-45678")).toBeNull(); // too long
    expect(normaliseCode("ABCD-0123-EFGH-456U")).toBeNull(); // U is not in the alphabet
    expect(normaliseCode("ABCD-0123-EFGH-456!")).toBeNull();
    expect(normaliseCode("ABCD_0123_EFGH_4567")).toBeNull();
  });
});
