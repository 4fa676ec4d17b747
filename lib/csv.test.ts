import { describe, expect, it } from "vitest";
import { csvField, csvLine, isoDate } from "./csv";

describe("csv", () => {
  it("quotes only what needs quoting and doubles quotes", () => {
    expect(csvField("Tom Teacher")).toBe("Tom Teacher");
    expect(csvField("St Anne's, Harrogate")).toBe('"St Anne\'s, Harrogate"');
    expect(csvField('Say "hello"')).toBe('"Say ""hello"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(40)).toBe("40");
  });

  it("keeps a cell that looks like a formula as text", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+44 113")).toBe("'+44 113");
    expect(csvField("@home")).toBe("'@home");
  });

  it("ends lines with CRLF", () => {
    expect(csvLine(["a", "b", 3])).toBe("a,b,3\r\n");
  });

  it("writes ISO dates on the UK calendar day", () => {
    expect(isoDate(new Date("2026-11-20T09:00:00Z"))).toBe("2026-11-20");
    expect(isoDate(new Date("2026-07-01T23:30:00Z"))).toBe("2026-07-02"); // 00:30 British Summer Time
    expect(isoDate(null)).toBe("");
  });
});
