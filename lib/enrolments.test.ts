import { describe, expect, it } from "vitest";
import { nextStepLabel, progressOf } from "./enrolments";

describe("progressOf", () => {
  it.each([
    [0, 5, 0, "NOT_STARTED"],
    [1, 5, 20, "IN_PROGRESS"],
    [2, 3, 67, "IN_PROGRESS"],
    [5, 5, 100, "COMPLETED"],
    [7, 5, 100, "COMPLETED"],
    [0, 0, 0, "NOT_STARTED"],
  ])("%i of %i lessons is %i%% and %s", (done, lessons, percent, status) => {
    expect(progressOf(done, lessons)).toEqual({ percent, status });
  });
});

describe("nextStepLabel", () => {
  it("says Start for a course not begun (or not enrolled on), Continue part-way, Review when completed", () => {
    expect(nextStepLabel(null)).toBe("Start");
    expect(nextStepLabel(progressOf(0, 5).status)).toBe("Start");
    expect(nextStepLabel(progressOf(0, 0).status)).toBe("Start");
    expect(nextStepLabel(progressOf(1, 5).status)).toBe("Continue");
    expect(nextStepLabel(progressOf(5, 5).status)).toBe("Review");
  });
});
