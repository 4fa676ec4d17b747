// Percentages of a whole that add up to exactly 100 (the largest-remainder method): 1, 1 and 1 of 3
// read 34 %, 33 %, 33 %, not three 33 % that leave the reader wondering where 1 % went. Each share is its
// plain rounding or one below or above it. Pure: the pages, the export and unit tests use it alike.

export function sharesOf(counts: number[]): number[] {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total <= 0) return counts.map(() => 0);
  const exact = counts.map((n) => (100 * n) / total);
  const shares = exact.map(Math.floor);
  let left = 100 - shares.reduce((sum, n) => sum + n, 0);
  // Hand the points left over to the largest remainders; ties go to the larger count, then the earlier one.
  const order = exact.map((value, i) => ({ i, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || counts[b.i]! - counts[a.i]! || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}
