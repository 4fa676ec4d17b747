import { describe, expect, it } from "vitest";
import { progressOf } from "./enrolments";

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
