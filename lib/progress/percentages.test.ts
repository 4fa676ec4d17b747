import { describe, expect, it } from "vitest";
import { sharesOf } from "./percentages";

describe("sharesOf", () => {
  it.each([
    [[1, 1, 1], [34, 33, 33]],
    [[0, 0, 0], [0, 0, 0]],
    [[5, 0, 0], [100, 0, 0]],
    [[1, 2, 3], [17, 33, 50]],
    [[12, 18, 10], [30, 45, 25]],
    [[2, 1, 997], [0, 0, 100]],
    [[7, 7, 7, 0], [34, 33, 33, 0]],
  ])("%j is %j", (counts, shares) => {
    expect(sharesOf(counts)).toEqual(shares);
  });

  it("always adds up to 100 and stays within one of plain rounding", () => {
    for (let a = 0; a < 25; a++) for (let b = 0; b < 25; b++) for (let c = 1; c < 25; c += 3) {
      const shares = sharesOf([a, b, c]);
      expect(shares.reduce((s, n) => s + n, 0)).toBe(100);
      [a, b, c].forEach((n, i) => expect(Math.abs(shares[i]! - (100 * n) / (a + b + c))).toBeLessThan(1));
    }
  });
});
