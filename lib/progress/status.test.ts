import { describe, expect, it } from "vitest";
import { enrolmentStatuses, nextStepLabel, perStatus, statusLabel, statusOfSlug, statusSlug } from "./status";

describe("the status table", () => {
  it("reads every status back from its slug, and nothing else", () => {
    for (const { key } of enrolmentStatuses) expect(statusOfSlug(statusSlug(key))).toBe(key);
    for (const slug of ["", "constructor", "__proto__", "toString", "COMPLETED", "Completed"]) expect(statusOfSlug(slug)).toBeUndefined();
  });

  it("has a distinct label and slug for every status", () => {
    expect(new Set(enrolmentStatuses.map((s) => s.label)).size).toBe(enrolmentStatuses.length);
    expect(new Set(enrolmentStatuses.map((s) => s.slug)).size).toBe(enrolmentStatuses.length);
    expect(statusLabel("IN_PROGRESS")).toBe("In progress");
  });

  it("lays a record out in rank order", () => {
    expect(Object.entries(perStatus((_, rank) => rank))).toEqual([["NOT_STARTED", 0], ["IN_PROGRESS", 1], ["COMPLETED", 2]]);
  });
});

describe("nextStepLabel", () => {
  it("says Start for a course not begun (or not enrolled on), Continue part-way, Review when completed", () => {
    expect(nextStepLabel(null)).toBe("Start");
    expect(nextStepLabel("NOT_STARTED")).toBe("Start");
    expect(nextStepLabel("IN_PROGRESS")).toBe("Continue");
    expect(nextStepLabel("COMPLETED")).toBe("Review");
  });
});
