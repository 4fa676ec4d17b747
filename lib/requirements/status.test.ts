import { describe, expect, it } from "vitest";
import { statusCases } from "./status-cases";
import { addDays, addYears, firstDueOn, londonDate, renewalOpen, requiredStatus, requiredStatusOfSlug, requiredStatuses } from "./status";

describe("requiredStatus, at the boundaries", () => {
  it.each(statusCases)("$name", (c) => {
    const completedOn = c.completedAt === null ? null : londonDate(new Date(c.completedAt));
    const due = firstDueOn(c.rule, new Date(c.joinedAt), new Date(c.appliesSince));
    expect(requiredStatus({ firstDueOn: due, completedOn, renewalYears: c.renewalYears, attempt: c.attempt }, c.today)).toEqual(c.expected);
  });
});

describe("calendar arithmetic in England", () => {
  it("reads a moment as the date in England on both sides of both clock changes", () => {
    expect(londonDate(new Date("2026-03-29T00:30:00Z"))).toBe("2026-03-29"); // GMT until 01:00 UTC
    expect(londonDate(new Date("2026-03-28T23:59:00Z"))).toBe("2026-03-28");
    expect(londonDate(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01"); // BST
    expect(londonDate(new Date("2026-10-24T23:30:00Z"))).toBe("2026-10-25"); // still BST
    expect(londonDate(new Date("2026-10-25T23:30:00Z"))).toBe("2026-10-25"); // GMT again
  });
  it("adds days across month, year and leap day", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
  it("adds years as PostgreSQL does, 29 February becoming 28 February", () => {
    expect(addYears("2028-02-29", 1)).toBe("2029-02-28");
    expect(addYears("2028-02-29", 4)).toBe("2032-02-29");
    expect(addYears("2026-11-30", 3)).toBe("2029-11-30");
  });
  it("opens a renewal 30 days before expiry, and only with a renewal period", () => {
    expect(renewalOpen("2025-11-30", 1, "2026-10-30")).toBe(false);
    expect(renewalOpen("2025-11-30", 1, "2026-10-31")).toBe(true);
    expect(renewalOpen("2025-11-30", 1, "2027-05-01")).toBe(true);
    expect(renewalOpen("2025-11-30", null, "2030-01-01")).toBe(false);
    expect(renewalOpen(null, 1, "2030-01-01")).toBe(false);
  });
  it("finds statuses by slug, worst first", () => {
    expect(requiredStatuses[0].key).toBe("OVERDUE");
    expect(requiredStatusOfSlug("due-soon")).toBe("DUE_SOON");
    expect(requiredStatusOfSlug("constructor")).toBeUndefined();
  });
});
