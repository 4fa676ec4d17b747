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

  it("quotes a cell holding the list separator of any common locale", () => {
    // Where the separator is ";" an unquoted "x;=1+2" would open a second cell holding a formula.
    expect(csvField("x;=1+2")).toBe('"x;=1+2"');
    expect(csvField("tab\tinside")).toBe('"tab\tinside"');
    expect(csvField("carriage\rreturn")).toBe('"carriage\rreturn"');
    expect(csvLine(["a;b", "c"])).toBe('"a;b",c\r\n');
  });

  it("keeps a cell that looks like a formula as text", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+44 113")).toBe("'+44 113");
    expect(csvField("@home")).toBe("'@home");
    expect(csvField("-1+2")).toBe("'-1+2");
    // A leading tab or CR is neutralised and, being a separator or line break, quoted as well.
    expect(csvField("\t=1+2")).toBe('"\'\t=1+2"');
    expect(csvField("\r=1+2")).toBe('"\'\r=1+2"');
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
